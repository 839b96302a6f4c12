export { K6_ROLES } from '../../document/roles.js';
