import { lazy, type ReactNode, Suspense } from 'react';
import { Route, Routes } from 'react-router';

import { DemoBanner } from './components/DemoBanner';
import { modules } from './modules';
import { ComingSoon } from './pages/ComingSoon';
import { NotFound } from './pages/NotFound';
import { RequireSession } from './session';

// Pages load on demand, so the first visit on a slow rural connection downloads less: even the sign-in page (its
// form library is not in the staff pages' first download) and the home page.
// The staff frame (menu, header, counts) too: the sign-in page, the first a person ever opens, does not carry it;
// a staff page starts fetching it at once, beside the session check, so it costs no extra round trip.
const loadShell = () => import('./components/Shell');
if (!/^\/(signin|invite|reset|field)/.test(window.location.pathname)) void loadShell();
const Shell = lazy(() => loadShell().then((m) => ({ default: m.Shell })));
const SignIn = lazy(() => import('./pages/SignIn').then((m) => ({ default: m.SignIn })));
const LinkPage = lazy(() => import('./pages/account/Link').then((m) => ({ default: m.LinkPage })));
const Home = lazy(() => import('./pages/Home').then((m) => ({ default: m.Home })));
const Geography = lazy(() => import('./pages/geo/Geography').then((m) => ({ default: m.Geography })));
const Account = lazy(() => import('./pages/account/Account').then((m) => ({ default: m.Account })));
const Intake = lazy(() => import('./pages/cases/Intake').then((m) => ({ default: m.Intake })));
const CasePage = lazy(() => import('./pages/cases/CasePage').then((m) => ({ default: m.CasePage })));
const CaseList = lazy(() => import('./pages/cases/CaseList').then((m) => ({ default: m.CaseList })));
const Reports = lazy(() => import('./pages/reports/Reports').then((m) => ({ default: m.Reports })));
const Directory = lazy(() => import('./pages/directory/Directory').then((m) => ({ default: m.Directory })));
const MyWork = lazy(() => import('./pages/work/MyWork').then((m) => ({ default: m.MyWork })));
const ReferralInbox = lazy(() => import('./pages/referrals/Inbox').then((m) => ({ default: m.ReferralInbox })));
const PlansList = lazy(() => import('./pages/plans/PlansList').then((m) => ({ default: m.PlansList })));
const PlanPage = lazy(() => import('./pages/plans/PlanPage').then((m) => ({ default: m.PlanPage })));
const Admin = lazy(() => import('./pages/admin/Admin').then((m) => ({ default: m.Admin })));
const InsightsDashboard = lazy(() => import('./pages/insights/Dashboard').then((m) => ({ default: m.Dashboard })));
const Htcds = lazy(() => import('./pages/insights/Htcds').then((m) => ({ default: m.Htcds })));
const FieldLayout = lazy(() => import('./pages/field/FieldLayout').then((m) => ({ default: m.FieldLayout })));
const FieldHome = lazy(() => import('./pages/field/FieldHome').then((m) => ({ default: m.FieldHome })));
const FieldCase = lazy(() => import('./pages/field/FieldCase').then((m) => ({ default: m.FieldCase })));
const FieldIntake = lazy(() => import('./pages/field/FieldIntake').then((m) => ({ default: m.FieldIntake })));
const StudiesList = lazy(() => import('./pages/studies/StudiesList').then((m) => ({ default: m.StudiesList })));
const StudyPage = lazy(() => import('./pages/studies/StudyPage').then((m) => ({ default: m.StudyPage })));
const StudyCollect = lazy(() => import('./pages/studies/Collect').then((m) => ({ default: m.StudyCollect })));
const OpenData = lazy(() => import('./pages/insights/OpenData').then((m) => ({ default: m.OpenData })));
const Privacy = lazy(() => import('./pages/privacy/Privacy').then((m) => ({ default: m.Privacy })));
const RightsList = lazy(() => import('./pages/rights/RightsList').then((m) => ({ default: m.RightsList })));
const NewRequest = lazy(() => import('./pages/rights/NewRequest').then((m) => ({ default: m.NewRequest })));
const RequestPage = lazy(() => import('./pages/rights/RequestPage').then((m) => ({ default: m.RequestPage })));

/** A page outside the shell, loaded on demand. */
const Public = ({ page }: { page: ReactNode }) => <Suspense fallback={null}>{page}</Suspense>;

/**
 * Routes of the web app: sign-in and one-time links are public; everything in the shell needs a session. A demo
 * says so on every page.
 */
export function App() {
  return (
    <>
      <DemoBanner />
      <Routes>
        <Route path="/signin" element={<Public page={<SignIn />} />} />
        <Route path="/invite" element={<Public page={<LinkPage purpose="invite" />} />} />
        <Route path="/reset" element={<Public page={<LinkPage purpose="reset" />} />} />
        {/* Field work opens without the server: its pages need the device's passphrase, not a session. */}
        <Route path="/field" element={<Public page={<FieldLayout />} />}>
          <Route index element={<FieldHome />} />
          <Route path="new" element={<FieldIntake />} />
          <Route path="cases/:id" element={<FieldCase />} />
          <Route path="studies/:id" element={<StudyCollect />} />
        </Route>
        <Route
          element={
            <RequireSession>
              <Suspense fallback={null}>
                <Shell />
              </Suspense>
            </RequireSession>
          }
        >
          <Route index element={<Home />} />
          <Route path="account" element={<Account />} />
          <Route path="admin" element={<Admin />} />
          <Route path="reports" element={<Reports />} />
          <Route path="directory" element={<Directory />} />
          <Route path="work" element={<MyWork />} />
          <Route path="referrals/inbox" element={<ReferralInbox />} />
          <Route path="cases" element={<CaseList />} />
          <Route path="cases/new" element={<Intake />} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path="plans" element={<PlansList />} />
          <Route path="plans/:id" element={<PlanPage />} />
          <Route path="insights" element={<InsightsDashboard />} />
          <Route path="insights/htcds" element={<Htcds />} />
          <Route path="insights/open-data" element={<OpenData />} />
          <Route path="studies" element={<StudiesList />} />
          <Route path="studies/:id" element={<StudyPage />} />
          <Route path="studies/:id/collect" element={<StudyCollect />} />
          <Route path="privacy" element={<Privacy />} />
          <Route path="rights" element={<RightsList />} />
          <Route path="rights/new" element={<NewRequest />} />
          <Route path="rights/:id" element={<RequestPage />} />
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
    </>
  );
}
