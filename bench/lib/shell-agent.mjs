// A code agent made of one shell line, for benchmarks: it starts in a few milliseconds, so what is
// measured is the orchestrator, not an agent's start-up. It reads the results path and run id from the
// prompt on its stdin, as a real agent follows its brief.
export function shellAgent({ seconds = 0, linger = 0 } = {}) {
  const script = [
    'prompt=$(cat)',
    'results=$(printf "%s\\n" "$prompt" | sed -n "s/.*write a JSON summary to: //p")',
    'run_id=$(printf "%s\\n" "$prompt" | sed -n "s/.*Include run_id=//p")',
    'task=$(printf "%s\\n" "$prompt" | sed -n "s/.*executing \\([^.]*\\)\\..*/\\1/p")',
    seconds > 0 ? `sleep ${seconds}` : ':',
    // The time the results appear, in ms, for the detection benchmark.
    'now=$(date +%s%3N)',
    'printf \'{"task_id":"%s","run_id":"%s","status":"completed","written_at_ms":%s}\' "$task" "$run_id" "$now" > "$results.tmp" && mv "$results.tmp" "$results"',
    linger > 0 ? `sleep ${linger}` : ':',
  ].join('\n');
  return {
    name: 'sh',
    async launch(context) {
      return { bin: 'sh', args: ['-c', script], stdin: context.prompt, parser: { state: { turnEnded: false, events: 0 }, feed() {} } };
    },
  };
}
