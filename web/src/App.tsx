import { Route, Routes } from 'react-router';
import { Shell } from './components/Shell';
import { modules } from './modules';
import { ComingSoon } from './pages/ComingSoon';
import { Geography } from './pages/geo/Geography';
import { Home } from './pages/Home';
import { NotFound } from './pages/NotFound';
import { SignIn } from './pages/SignIn';

/** Routes of the web app; modules not built yet show a "coming soon" page inside the shell. */
export function App() {
  return (
    <Routes>
      <Route path="/signin" element={<SignIn />} />
      <Route element={<Shell />}>
        <Route index element={<Home />} />
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
