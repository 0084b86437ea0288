"use client";

import { Layers, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormDialog, lazyForm } from "@/components/ui/form-dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ATTRIBUTION_RULES, TRACKS } from "@/lib/vocabulary";

export type Account = { id: string; name: string; email: string };
export type SeriesRow = {
  id: string;
  name: string;
  shortName: string;
  track: (typeof TRACKS)[number];
  attribution: (typeof ATTRIBUTION_RULES)[number];
  parties: string[];
  convenors: Account[];
};
export type PartyOption = { id: string; code: string; name: string };

const forms = () => import("@/components/admin/series-forms");
const CreateSeriesForm = lazyForm(() => forms().then((m) => m.CreateSeriesForm));
const EditSeriesForm = lazyForm(() => forms().then((m) => m.EditSeriesForm));
const AppointConvenorForm = lazyForm(() => forms().then((m) => m.AppointConvenorForm));

export function SeriesAdmin({ series, parties, accounts }: { series: SeriesRow[]; parties: PartyOption[]; accounts: Account[] }) {
  const t = useTranslations();
  return (
    <section aria-labelledby="series-heading" className="space-y-3">
      <div className="flex items-center justify-between">
        <h2 id="series-heading" className="text-base font-semibold">{t("admin.series")}</h2>
        <CreateSeriesDialog parties={parties} accounts={accounts} />
      </div>
      {series.length === 0 ? (
        <EmptyState icon={Layers} title={t("admin.noSeries")} />
      ) : (
        <div className="rounded-lg border border-border bg-card">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("admin.shortName")}</TableHead>
                <TableHead>{t("admin.seriesName")}</TableHead>
                <TableHead>{t("admin.track")}</TableHead>
                <TableHead>{t("series.parties")}</TableHead>
                <TableHead>{t("admin.convenors")}</TableHead>
                <TableHead className="text-right">{t("admin.actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {series.map((s) => (
                <TableRow key={s.id}>
                  <TableCell><Badge variant="secondary">{s.shortName}</Badge></TableCell>
                  <TableCell className="font-medium">{s.name}</TableCell>
                  <TableCell>
                    {t(`tracks.${s.track}`)}
                    {s.attribution === "CHATHAM_HOUSE" ? <span className="block text-xs text-muted-foreground">{t("attribution.CHATHAM_HOUSE")}</span> : null}
                  </TableCell>
                  <TableCell>{s.parties.join(", ")}</TableCell>
                  <TableCell>
                    {s.convenors.length === 0 ? (
                      <span className="text-muted-foreground">{t("admin.noConvenors")}</span>
                    ) : (
                      s.convenors.map((c) => <span key={c.id} className="block">{c.name}</span>)
                    )}
                  </TableCell>
                  <TableCell className="space-x-2 text-right">
                    <EditSeriesDialog series={s} parties={parties} />
                    <AppointConvenorDialog series={s} accounts={accounts.filter((a) => !s.convenors.some((c) => c.id === a.id))} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

function CreateSeriesDialog({ parties, accounts }: { parties: PartyOption[]; accounts: Account[] }) {
  const t = useTranslations("admin");
  return (
    <FormDialog
      trigger={<Button size="sm"><Plus aria-hidden /> {t("newSeries")}</Button>}
      preload={CreateSeriesForm.preload}
      contentClassName="max-h-[90vh] overflow-y-auto sm:max-w-xl"
    >
      <CreateSeriesForm parties={parties} accounts={accounts} />
    </FormDialog>
  );
}

/** Edits a series; the form loads its current values (and version) when opened, so a save never overwrites blindly. */
function EditSeriesDialog({ series, parties }: { series: SeriesRow; parties: PartyOption[] }) {
  const t = useTranslations("seriesEdit");
  return (
    <FormDialog
      trigger={<Button size="sm" variant="outline" aria-label={t("editFor", { name: series.shortName })}>{t("edit")}</Button>}
      preload={EditSeriesForm.preload}
      contentClassName="max-h-[90vh] overflow-y-auto sm:max-w-xl"
    >
      <EditSeriesForm series={series} parties={parties} />
    </FormDialog>
  );
}

function AppointConvenorDialog({ series, accounts }: { series: SeriesRow; accounts: Account[] }) {
  const t = useTranslations("admin");
  return (
    <FormDialog
      trigger={<Button size="sm" variant="outline" aria-label={t("appointConvenorTitle", { name: series.shortName })}>{t("appointConvenor")}</Button>}
      preload={AppointConvenorForm.preload}
    >
      <AppointConvenorForm series={series} accounts={accounts} />
    </FormDialog>
  );
}
