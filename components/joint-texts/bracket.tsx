"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { HolderBadge } from "@/components/joint-texts/badges";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";

export type BracketOption = { id: string; text: string; proposedBy: string | null };
export type BracketData = { id: string; options: BracketOption[]; holds: string[] };

/** What the viewer may do to a bracket; each returns once done (false when refused). */
export type BracketActions = {
  chair: boolean;
  party: string | null;
  accept: (optionId: string) => Promise<boolean>;
  addOption: (text: string) => Promise<boolean>;
  removeOption: (optionId: string) => Promise<boolean>;
  setHold: (held: boolean) => Promise<boolean>;
  proposeOption: (text: string) => Promise<boolean>;
};

function OptionText({ text }: { text: string }) {
  const t = useTranslations("jointTexts");
  return text.trim() === "" ? <em className="text-muted-foreground">{t("deleteOption")}</em> : <>{text}</>;
}

/**
 * A bracket as negotiators read it, `[option A / option B]` with the holding parties' codes as badges;
 * a button that opens what the viewer may do with it (BracketDialog).
 */
export function Bracket({ bracket, number, onOpen }: { bracket: BracketData; number: number; onOpen: (id: string) => void }) {
  const t = useTranslations("jointTexts");
  const label = t("bracketLabel", { n: number, holds: bracket.holds.length === 0 ? t("noHolds") : bracket.holds.join(", ") });
  return (
    <button
      type="button"
      aria-label={label}
      aria-haspopup="dialog"
      data-testid="bracket"
      data-bracket-id={bracket.id}
      onClick={() => onOpen(bracket.id)}
      className="mx-0.5 inline rounded-sm bg-warning/15 px-0.5 text-left ring-offset-1 hover:bg-warning/25 focus-visible:outline-2 focus-visible:outline-ring"
    >
      <span aria-hidden="true" className="font-semibold">[</span>
      {bracket.options.map((o, i) => (
        <span key={o.id}>
          {i > 0 ? <span aria-hidden="true" className="px-0.5 font-semibold text-muted-foreground"> / </span> : null}
          <OptionText text={o.text} />
        </span>
      ))}
      <span aria-hidden="true" className="font-semibold">]</span>
      {bracket.holds.length > 0 ? (
        <sup className="ml-0.5 inline-flex gap-0.5 align-super">
          {bracket.holds.map((h) => (
            <HolderBadge key={h} code={h} />
          ))}
        </sup>
      ) : null}
    </button>
  );
}

/**
 * The one dialog of a page's brackets, open while `bracket` is set. It stays mounted: when the bracket
 * leaves the text (an option accepted) the dialog closes as if dismissed.
 */
export function BracketDialog({ bracket, number, actions, onClose }: { bracket: BracketData | null; number: number; actions: BracketActions; onClose: () => void }) {
  const t = useTranslations("jointTexts");
  // The last bracket shown stays in the content while the dialog closes after it left the text.
  const [shown, setShown] = useState<{ bracket: BracketData; number: number } | null>(null);
  if (bracket && (shown?.bracket !== bracket || shown.number !== number)) setShown({ bracket, number });
  const [newText, setNewText] = useState("");
  const [deletion, setDeletion] = useState(false);
  if (!shown) return null;
  const b = shown.bracket;
  const holding = actions.party !== null && b.holds.includes(actions.party);

  async function submitOption(kind: "chair" | "party") {
    const text = deletion ? "" : newText.trim();
    if (!deletion && text === "") return;
    const ok = kind === "chair" ? await actions.addOption(text) : await actions.proposeOption(text);
    if (ok) {
      setNewText("");
      setDeletion(false);
    }
  }

  return (
    <Dialog open={bracket !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent data-testid="bracket-dialog">
        <DialogHeader>
          <DialogTitle>{t("bracketTitle", { n: shown.number })}</DialogTitle>
          <DialogDescription>{b.holds.length === 0 ? t("noHoldsHelp") : t("heldBy", { parties: b.holds.join(", ") })}</DialogDescription>
        </DialogHeader>
        <ul className="space-y-2 text-sm" aria-label={t("options")}>
          {b.options.map((o, i) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-border px-2 py-1.5" data-testid="bracket-option">
              <span>
                <span className="mr-1 text-xs text-muted-foreground">{String.fromCharCode(65 + i)}.</span>
                <OptionText text={o.text} />
                <span className="ml-2 text-xs text-muted-foreground">{o.proposedBy ? t("proposedBy", { party: o.proposedBy }) : t("chairWording")}</span>
              </span>
              {actions.chair ? (
                <span className="flex gap-1">
                  <ConfirmAction
                    label={t("accept")}
                    ariaLabel={t("acceptOption", { option: o.text || t("deleteOption") })}
                    disabled={b.holds.length > 0}
                    tone="default"
                    title={t("acceptTitle")}
                    description={t("acceptBody", { option: o.text || t("deleteOption") })}
                    cancelLabel={t("cancel")}
                    onConfirm={async () => {
                      await actions.accept(o.id);
                    }}
                  />
                  {i > 0 ? (
                    <Button size="sm" variant="ghost" onClick={() => void actions.removeOption(o.id)}>
                      {t("removeOption")}
                    </Button>
                  ) : null}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
        {actions.chair && b.holds.length > 0 ? <p className="text-xs text-muted-foreground">{t("acceptDisabled")}</p> : null}

        {actions.party ? (
          <div className="flex flex-wrap items-center gap-2 border-t border-border pt-3">
            <span className="text-sm">{holding ? t("youHold", { party: actions.party }) : t("youDoNotHold", { party: actions.party })}</span>
            <Button size="sm" variant={holding ? "default" : "outline"} onClick={() => void actions.setHold(!holding)} data-testid="hold-toggle">
              {holding ? t("liftHold") : t("placeHold")}
            </Button>
          </div>
        ) : null}

        {actions.chair || actions.party ? (
          <form
            className="space-y-2 border-t border-border pt-3"
            onSubmit={(e) => {
              e.preventDefault();
              void submitOption(actions.chair ? "chair" : "party");
            }}
          >
            <label htmlFor={`opt-${b.id}`} className="block text-sm font-medium">
              {actions.chair ? t("addOption") : t("proposeOption")}
            </label>
            <Input id={`opt-${b.id}`} value={newText} disabled={deletion} onChange={(e) => setNewText(e.target.value)} autoComplete="off" />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={deletion} onChange={(e) => setDeletion(e.target.checked)} className="size-4 accent-[var(--primary)]" />
              {t("proposeDeletion")}
            </label>
            <Button size="sm" type="submit" disabled={!deletion && newText.trim() === ""}>
              {actions.chair ? t("addOptionButton") : t("proposeOptionButton")}
            </Button>
            {!actions.chair ? <p className="text-xs text-muted-foreground">{t("proposalPrivate")}</p> : null}
          </form>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
