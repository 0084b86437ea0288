"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { AssessmentForm } from "@/components/assessments/assessment-form";
import { PanelFigures, useFigureLabel } from "@/components/assessments/panel-figures";
import type { AssessmentPanelView, MyAssessmentView, PanelIssueView } from "@/components/assessments/types";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatPoint } from "@/lib/issue-scale";
import { useTRPC } from "@/lib/trpc/client";

/**
 * A scholar's assessment and the panel figures for one agenda item. An invited scholar gives (and
 * until the session concludes revises) their own assessment; everyone who may see the item gets
 * the panel's figures once at least 3 scholars have assessed. Nothing for a procedural item.
 */
export function AssessmentPanel({ agendaItemId }: { agendaItemId: string }) {
  const t = useTranslations("assessments");
  const tCommon = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.assessment.mine.queryOptions({ agendaItemId }));
  const panel = useQuery(trpc.assessment.panel.queryOptions({ agendaItemId }));

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.assessment.mine.queryFilter({ agendaItemId })),
      queryClient.invalidateQueries(trpc.assessment.panel.queryFilter({ agendaItemId })),
    ]);
  };

  if (panel.data && panel.data.issue === null) return null;
  const pending = mine.isPending || panel.isPending;
  const failed = mine.isError || panel.isError;

  return (
    <Card aria-busy={pending || undefined} data-testid="assessment-panel">
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
        {panel.data?.issue ? <CardDescription>{t("subtitle", { issue: panel.data.issue.title })}</CardDescription> : null}
      </CardHeader>
      <CardContent className="space-y-6">
        {pending ? (
          <div className="space-y-2" aria-label={tCommon("errors.loading")}>
            <Skeleton className="h-5 w-1/2" />
            <Skeleton className="h-5 w-2/3" />
            <Skeleton className="h-16 w-full" />
          </div>
        ) : failed || !mine.data || !panel.data?.issue ? (
          <Alert variant="danger">
            <AlertDescription>{mine.error?.message ?? panel.error?.message ?? tCommon("errors.errorBody")}</AlertDescription>
          </Alert>
        ) : (
          <>
            {mine.data.invited ? <MyAssessment agendaItemId={agendaItemId} mine={mine.data} issue={panel.data.issue} onSaved={refresh} /> : null}
            <PanelSection panel={panel.data} issue={panel.data.issue} />
          </>
        )}
      </CardContent>
    </Card>
  );
}

function MyAssessment({
  agendaItemId,
  mine,
  issue,
  onSaved,
}: {
  agendaItemId: string;
  mine: MyAssessmentView;
  issue: PanelIssueView;
  onSaved: () => Promise<void>;
}) {
  const t = useTranslations("assessments");
  const labelOf = useFigureLabel();
  const [revising, setRevising] = useState(false);
  const own = mine.assessment;

  return (
    <section aria-labelledby={`my-assessment-${agendaItemId}`} className="space-y-3" data-testid="my-assessment">
      <h3 id={`my-assessment-${agendaItemId}`} className="text-sm font-semibold">
        {t("mineTitle")}
      </h3>
      <p className="text-xs text-muted-foreground">{t("privacyNote")}</p>
      {mine.canAssess && (!own || revising) ? (
        <AssessmentForm
          key={own?.version ?? 0}
          agendaItemId={agendaItemId}
          issue={issue}
          current={own}
          onSaved={async () => {
            setRevising(false);
            await onSaved();
          }}
          onCancel={own ? () => setRevising(false) : undefined}
        />
      ) : own ? (
        <div className="space-y-2 rounded-md border border-border p-3" data-testid="my-assessment-value">
          <p className="text-sm">
            <span className="font-semibold tabular-nums">{formatPoint(own.position, issue.scaleMin)}</span> — {labelOf(own.position, issue)}
          </p>
          {own.reasoning ? <p className="whitespace-pre-wrap text-sm text-muted-foreground">{own.reasoning}</p> : null}
          {mine.canAssess ? (
            <Button size="sm" variant="outline" onClick={() => setRevising(true)}>
              {t("revise")}
            </Button>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">{t("notGiven")}</p>
      )}
      {mine.concluded ? <p className="text-xs text-muted-foreground">{t("concludedNote")}</p> : null}
    </section>
  );
}

function PanelSection({ panel, issue }: { panel: AssessmentPanelView; issue: PanelIssueView }) {
  const t = useTranslations("assessments");
  return (
    <section aria-labelledby={`panel-${panel.agendaItemId}`} className="space-y-3">
      <h3 id={`panel-${panel.agendaItemId}`} className="text-sm font-semibold">
        {t("panelTitle")}
      </h3>
      {panel.figures ? (
        <PanelFigures figures={panel.figures} issue={issue} />
      ) : (
        <p className="text-sm text-muted-foreground" data-testid="panel-not-enough">
          {t("notEnough", { minimum: panel.minimum })}
        </p>
      )}
      <details className="text-xs text-muted-foreground">
        <summary className="cursor-pointer rounded-sm font-medium text-foreground focus-visible:outline-2 focus-visible:outline-ring">
          {t("howTitle")}
        </summary>
        <p className="mt-1">{t("howBody", { minimum: panel.minimum })}</p>
      </details>
    </section>
  );
}
