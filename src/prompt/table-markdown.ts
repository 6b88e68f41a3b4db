/**
 * The table as the model reads it: src/table's `tableToMarkdown`, the same rendering the reports
 * show. Only `renderTableBlock` calls it, after neutralising the table's strings.
 * TEMP: imported from the file until src/features/index.ts lands (src/table/index.ts needs it at
 * runtime); then from '../table/index.ts'.
 */
export { tableToMarkdown as tableMarkdown } from '../table/to-markdown.ts';
