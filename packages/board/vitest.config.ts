import { packageProject } from '../../vitest.shared.js';

// The page is bundled before the tests, so the server serves the page of the current sources.
export default packageProject('board', { globalSetup: ['./test/build-page.setup.ts'] });
