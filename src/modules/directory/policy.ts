import { type Actor, can } from '../access/index';

/** May add and change providers (directory managers); everyone signed in may search the directory. */
export const mayManage = (actor: Actor) => can(actor, 'directory:manage');
