export { startServer, type RunningServer, type ServerOptions, type Faults } from './server.js';
export { optionsFromEnv } from './options.js';
export { defaultUsers } from './store.js';
