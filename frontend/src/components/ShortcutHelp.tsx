import { Kbd, Modal, Table } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** One row of a page's shortcut list: the keys as typed (not translated) and what they do. */
export type Shortcut = { keys: string; action: string };

/** A rater page's keyboard shortcuts in a dialog, opened by "?" (lib/keyboard useHelpKey) or
 * the page's button; Escape, a click outside or its close button (named "Close (Esc)",
 * focused on opening) closes it. */
export function ShortcutHelp({
  opened,
  onClose,
  shortcuts,
}: {
  opened: boolean;
  onClose: () => void;
  shortcuts: readonly Shortcut[];
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("shortcuts.title")}
      centered
      closeButtonProps={{ "aria-label": t("shortcuts.close") }}
    >
      <Table aria-label={t("shortcuts.title")} withRowBorders={false}>
        <Table.Tbody>
          {shortcuts.map(({ keys, action }) => (
            <Table.Tr key={keys}>
              <Table.Th scope="row" w="8rem">
                <Kbd>{keys}</Kbd>
              </Table.Th>
              <Table.Td>{action}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
