"use client";

import { Pencil, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ItemFormProps } from "@/components/agenda/item-form";
import { Button } from "@/components/ui/button";
import { FormDialog, lazyForm } from "@/components/ui/form-dialog";

const ItemForm = lazyForm(() => import("@/components/agenda/item-form").then((m) => m.ItemForm));

/** "Add item", or the pencil of one item; the form loads when the dialog first opens. */
export function ItemFormDialog(props: ItemFormProps) {
  const t = useTranslations();
  const { item } = props;
  return (
    <FormDialog
      trigger={item ? (
        <Button size="icon" variant="ghost" className="size-8" aria-label={t("agenda.editLabel", { title: item.title })} title={t("agenda.edit")}>
          <Pencil aria-hidden />
        </Button>
      ) : (
        <Button size="sm"><Plus aria-hidden /> {t("agenda.addItem")}</Button>
      )}
      preload={ItemForm.preload}
      closeLabel={t("common.close")}
      contentClassName="sm:max-w-xl"
    >
      <ItemForm {...props} />
    </FormDialog>
  );
}
