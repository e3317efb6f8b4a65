/** The modules in navigation order; `ready` is true once a module has its own pages; `needs` hides it from sessions without any of those permissions. */
export const modules = [
  { key: 'work', path: '/work', ready: true, needs: ['cases:read', 'referrals:receive'] },
  { key: 'reports', path: '/reports', ready: true, needs: ['reports:triage'] },
  { key: 'cases', path: '/cases', ready: true, needs: ['cases:read', 'referrals:receive'] },
  { key: 'inbox', path: '/referrals/inbox', ready: true, needs: ['referrals:receive'] },
  { key: 'field', path: '/field', ready: true, needs: ['cases:write', 'studies:collect'] },
  { key: 'directory', path: '/directory', ready: true, needs: [] },
  { key: 'plans', path: '/plans', ready: true, needs: ['plans:read'] },
  { key: 'insights', path: '/insights', ready: true, needs: ['insights:aggregate'] },
  { key: 'studies', path: '/studies', ready: true, needs: ['studies:manage', 'studies:collect'] },
  { key: 'rights', path: '/rights', ready: true, needs: ['rights:manage'] },
  { key: 'geography', path: '/geo', ready: true, needs: [] },
  {
    key: 'admin',
    path: '/admin',
    ready: true,
    needs: ['users:read', 'organisations:manage', 'roles:manage', 'audit:read'],
  },
] as const;

export type ModuleKey = (typeof modules)[number]['key'];
