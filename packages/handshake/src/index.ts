/**
 * The handshake between the orchestrator and an agent, as text: the brief's section (written, and read
 * back by the scripted models and the fake codex), the results template, the prompt lines that repeat it
 * (follow-up, reminder turn, doctor's resume). The trust rule for the results file that comes back needs
 * the results schema and lives in `@planwright/plan-schema` (`checkHandshake`).
 */
export { HANDSHAKE_HEADING, renderHandshakeBlock, readHandshakeBlock, resultsTemplate } from './handshake-block.mjs';
export type { HandshakeTarget, HandshakeBlock, ResultsTemplate } from './handshake-block.mjs';
/** The handshake modes, the instruction lines of a prompt, the reminder turn's message. */
export { HANDSHAKE_MODES, handshakeInstructions, reminderPrompt } from './handshake.js';
export type { Handshake, HandshakeProblem } from './handshake.js';
