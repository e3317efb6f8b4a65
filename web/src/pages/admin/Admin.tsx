import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { has, useSession } from '../../session';
import { Devices } from '../field/Devices';
import { ProcessingRecord } from '../privacy/Privacy';
import { Audit } from './Audit';
import { Catalogues } from './catalogues/index';
import { Forms } from './Forms';
import { Organisations } from './Organisations';
import { Roles } from './Roles';
import { Retention } from './retention/index';
import { Sharing } from './Sharing';
import { Translations } from './Translations';
import { Users } from './Users';

/** Administration: each tab appears only when the session's permissions allow it. */
export function Admin() {
  const { t } = useTranslation();
  const { data: s } = useSession();
  const tabs = [
    { key: 'users', show: has(s, 'users:read'), el: <Users /> },
    { key: 'organisations', show: has(s, 'organisations:manage') || has(s, 'users:read'), el: <Organisations /> },
    { key: 'sharing', show: has(s, 'organisations:manage'), el: <Sharing /> },
    { key: 'roles', show: has(s, 'users:read') || has(s, 'roles:manage'), el: <Roles /> },
    { key: 'audit', show: has(s, 'audit:read'), el: <Audit /> },
    { key: 'devices', show: has(s, 'users:manage'), el: <Devices everyone /> },
    { key: 'translations', show: has(s, 'translations:manage'), el: <Translations /> },
    { key: 'forms', show: has(s, 'forms:manage'), el: <Forms /> },
    { key: 'catalogues', show: has(s, 'catalogues:manage'), el: <Catalogues /> },
    { key: 'retention', show: has(s, 'retention:manage'), el: <Retention /> },
    { key: 'privacy', show: has(s, 'rights:manage') || has(s, 'retention:manage'), el: <ProcessingRecord /> },
  ].filter((x) => x.show);
  return (
    <Stack>
      <Title order={1}>{t('nav.admin')}</Title>
      <Tabs defaultValue={tabs[0]?.key} keepMounted={false}>
        <Tabs.List>
          {tabs.map((x) => (
            <Tabs.Tab key={x.key} value={x.key}>
              {t(`admin.tabs.${x.key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((x) => (
          <Tabs.Panel key={x.key} value={x.key} pt="md">
            {x.el}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
