// A code agent of a few shell lines that forgets the handshake, for the reminder benchmark. It does its
// task's work (work/<id>.txt, which the task's verify command checks), and on the tasks `forgets` picks
// it ends its turn without the results file. Resumed with a reminder, it writes the results, unless
// `writesAfterReminder` is false (then only the verify commands can decide). Its events are JSON lines:
// a session id (what a reminder resumes) and its last message.
const FIRST_TURN = [
  'prompt=$(cat)',
  'task=$(printf "%s\\n" "$prompt" | sed -n "s/.*executing \\([^.]*\\)\\..*/\\1/p")',
  'results=$(printf "%s\\n" "$prompt" | sed -n "s/.*write a JSON summary to: //p")',
  'run_id=$(printf "%s\\n" "$prompt" | sed -n "s/.*Include run_id=//p")',
  'mkdir -p work && echo done > "work/$task.txt"',
  'printf \'{"type":"session","id":"bench-%s"}\\n\' "$task"',
  'if [ "$BENCH_FORGET" = 1 ]; then echo \'{"type":"message","text":"Done; the work is in work/."}\'; exit 0; fi',
  'printf \'{"task_id":"%s","run_id":"%s","status":"completed"}\' "$task" "$run_id" > "$results.tmp" && mv "$results.tmp" "$results"',
].join('\n');

// The reminder names the results file and gives the JSON to write (plan-schema's handshakeInstructions).
const REMINDER_TURN = [
  'prompt=$(cat)',
  'results=$(printf "%s\\n" "$prompt" | sed -n "s/.*write the results JSON to: \\([^ ]*\\) (overwrite.*/\\1/p")',
  'json=$(printf "%s\\n" "$prompt" | grep -m1 \'^{"task_id"\')',
  'echo \'{"type":"message","text":"Results written."}\'',
  'if [ "$BENCH_WRITE_AFTER_REMINDER" = 1 ]; then printf "%s" "$json" > "$results.tmp" && mv "$results.tmp" "$results"; fi',
].join('\n');

function parser() {
  const state = { turnEnded: false, events: 0 };
  return {
    state,
    feed(line) {
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        return;
      }
      state.events++;
      state.lastEventAt = new Date();
      if (event.type === 'session') state.sessionId = event.id;
      if (event.type === 'message') state.lastMessage = event.text;
    },
  };
}

/** `forgets(taskId)`: whether the agent leaves that task without results on its first turn. */
export function forgetfulAgent({ forgets = () => false, writesAfterReminder = true } = {}) {
  const env = { BENCH_WRITE_AFTER_REMINDER: writesAfterReminder ? '1' : '0' };
  return {
    name: 'sh',
    async launch(context) {
      return { bin: 'sh', args: ['-c', FIRST_TURN], stdin: context.prompt, env: { ...env, BENCH_FORGET: forgets(context.taskId) ? '1' : '0' }, parser: parser() };
    },
    async resume(context) {
      return { bin: 'sh', args: ['-c', REMINDER_TURN], stdin: context.prompt, env, parser: parser() };
    },
  };
}
