import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import type { WorkItem } from "../api/work";
import { useWork } from "../hooks/useWork";

function WorkCard({ item }: { item: WorkItem }) {
  return (
    <li className="card">
      <h2>
        <a href={item.url}>{item.title}</a>
      </h2>
      <p>{item.description}</p>
      <p className="muted">
        {item.count === 1 ? "1 item waiting" : `${item.count} items waiting`}
      </p>
    </li>
  );
}

export function HomePage() {
  const work = useWork();
  return (
    <main>
      <h1>Your work</h1>
      {work.isPending && <Loading />}
      <ErrorMessage error={work.error} />
      {work.data &&
        (work.data.length === 0 ? (
          <p>No work is waiting for you right now.</p>
        ) : (
          <ul className="cards" aria-label="Available work">
            {work.data.map((item) => (
              <WorkCard key={`${item.kind}:${item.url}`} item={item} />
            ))}
          </ul>
        ))}
    </main>
  );
}
