/** The modules in navigation order; `ready` is true once a module has its own pages. */
export const modules = [
  { key: 'reports', path: '/reports', ready: false },
  { key: 'cases', path: '/cases', ready: false },
  { key: 'directory', path: '/directory', ready: false },
  { key: 'plans', path: '/plans', ready: false },
  { key: 'insights', path: '/insights', ready: false },
  { key: 'geography', path: '/geo', ready: true },
  { key: 'admin', path: '/admin', ready: false },
] as const;

export type ModuleKey = (typeof modules)[number]['key'];
