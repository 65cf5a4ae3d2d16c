import { Container } from "@mantine/core";
import { Outlet } from "react-router";
import { useMe } from "../lib/session";
import { Nav } from "./Nav";

/** Every page's frame, signed in or not: the header once someone is signed in, and one Container
 * that gives every page the same content width. Pages render their own <main> inside it. */
export function Layout() {
  const me = useMe();
  return (
    <>
      {me.data && <Nav me={me.data} />}
      <Container size="lg" py="lg">
        <Outlet />
      </Container>
    </>
  );
}
