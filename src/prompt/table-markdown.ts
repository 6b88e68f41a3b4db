/**
 * The table as the model reads it: src/table's `tableToMarkdown`, the same rendering the reports
 * show. Only `renderTableBlock` calls it, after neutralising the table's strings.
 */
export { tableToMarkdown as tableMarkdown } from '../table/index.ts';
