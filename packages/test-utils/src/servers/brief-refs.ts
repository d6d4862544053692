// The prompt parser lives with the fake agent, which must stay plain JavaScript (bin/ is not built), so
// the fake and the scripted servers read prompts the same way.
export { findBriefRefs, type BriefRefs } from '../../bin/fake-codex/brief-refs.mjs';
