// The access module's pure vocabulary, for the web app and other modules: permissions and organisation types.
export { organisationTypes, type Permission, permissions, systemRoles } from './permissions';
