import { Route, Routes } from 'react-router';
import { Shell } from './components/Shell';
import { modules } from './modules';
import { Account } from './pages/account/Account';
import { LinkPage } from './pages/account/Link';
import { Admin } from './pages/admin/Admin';
import { ComingSoon } from './pages/ComingSoon';
import { CaseList } from './pages/cases/CaseList';
import { CasePage } from './pages/cases/CasePage';
import { Intake } from './pages/cases/Intake';
import { Geography } from './pages/geo/Geography';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';
import { Reports } from './pages/reports/Reports';
import { SignIn } from './pages/SignIn';
import { RequireSession } from './session';

/** Routes of the web app: sign-in and one-time links are public; everything in the shell needs a session. */
export function App() {
  return (
    <Routes>
      <Route path="/signin" element={<SignIn />} />
      <Route path="/invite" element={<LinkPage purpose="invite" />} />
      <Route path="/reset" element={<LinkPage purpose="reset" />} />
      <Route
        element={
          <RequireSession>
            <Shell />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        <Route path="account" element={<Account />} />
        <Route path="admin" element={<Admin />} />
        <Route path="reports" element={<Reports />} />
        <Route path="cases" element={<CaseList />} />
        <Route path="cases/new" element={<Intake />} />
        <Route path="cases/:id" element={<CasePage />} />
        <Route path="geo" element={<Geography />} />
        <Route path="geo/:country" element={<Geography />} />
        <Route path="geo/:country/:code" element={<Geography />} />
        {modules
          .filter((m) => !m.ready)
          .map((m) => (
            <Route key={m.key} path={m.path.slice(1)} element={<ComingSoon module={m.key} />} />
          ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
