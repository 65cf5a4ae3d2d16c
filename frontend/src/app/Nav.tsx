import { NavLink } from "react-router";
import type { Me } from "../lib/api/types";
import { capabilities } from "../lib/session";
import { SignOutButton } from "../features/auth/components/SignOutButton";

/** Links shown per role: raters get Home and Profile, researchers add Playground and Models. */
export function Nav({ me }: { me: Me }) {
  const can = capabilities(me);
  return (
    <header className="site-header">
      <nav aria-label="Main">
        <ul className="nav-links">
          <li>
            <NavLink to="/" end>
              Home
            </NavLink>
          </li>
          <li>
            <NavLink to="/profile">Profile</NavLink>
          </li>
          <li>
            <NavLink to="/principles">Principles</NavLink>
          </li>
          <li>
            <NavLink to="/debates/judge">Judge debates</NavLink>
          </li>
          {can.research && (
            <>
              <li>
                <NavLink to="/playground">Playground</NavLink>
              </li>
              <li>
                <NavLink to="/models">Models</NavLink>
              </li>
              <li>
                <NavLink to="/training">Training</NavLink>
              </li>
              <li>
                <NavLink to="/hazards/campaigns">Campaigns</NavLink>
              </li>
              <li>
                <NavLink to="/debates" end>
                  Debates
                </NavLink>
              </li>
              <li>
                <NavLink to="/debates/analytics">Debate analytics</NavLink>
              </li>
              {/* Researchers and admins hold studies.run_study (accounts/roles.py). */}
              <li>
                <NavLink to="/studies">Studies</NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
      <div className="session">
        <span>
          Signed in as <strong>{me.username}</strong>
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
