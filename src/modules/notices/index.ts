import type { ModuleDescriptor } from '../../platform/module';
import { noticesRoutes } from './routes';

/** The record of processing activities and the privacy notices, generated from the installation's configuration. */
export const noticesModule: ModuleDescriptor = {
  name: 'notices',
  routes: (ctx) => [{ plugin: noticesRoutes(ctx), prefix: '' }],
};

export { buildNotice, type Notice, type NoticeInputs } from './generate';
