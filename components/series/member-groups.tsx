import { getTranslations } from "next-intl/server";

type Member = {
  id: string;
  role: "CONVENOR" | "DELEGATE" | "SCHOLAR" | "OBSERVER";
  affiliation: string | null;
  party: { code: string; name: string } | null;
  user: { name: string };
};

/** Members grouped as a delegation reads them: convenors, each party's delegates, observers, scholars. */
export async function MemberGroups({ members, parties }: { members: Member[]; parties: { code: string; name: string }[] }) {
  const t = await getTranslations("series");
  const groups = [
    { key: "CONVENOR", label: t("convenors"), people: members.filter((m) => m.role === "CONVENOR") },
    ...parties.map((p) => ({
      key: p.code,
      label: p.name,
      people: members.filter((m) => m.role === "DELEGATE" && m.party?.code === p.code),
    })),
    { key: "OBSERVER", label: t("observers"), people: members.filter((m) => m.role === "OBSERVER") },
    { key: "SCHOLAR", label: t("scholars"), people: members.filter((m) => m.role === "SCHOLAR") },
  ].filter((g) => g.people.length > 0);
  if (groups.length === 0) return <p className="text-muted-foreground">{t("noMembers")}</p>;
  return (
    <>
      {groups.map((g) => (
        <section key={g.key} aria-label={g.label}>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{g.label}</h3>
          <ul className="mt-1 space-y-0.5">
            {g.people.map((m) => (
              <li key={m.id}>
                {m.user.name}
                {m.affiliation ? <span className="text-muted-foreground"> · {m.affiliation}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
