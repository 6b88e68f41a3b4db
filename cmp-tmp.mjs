import { DuckDBInstance } from '@duckdb/node-api';
const i = await DuckDBInstance.create(':memory:'); const c = await i.connect();
const [a, b] = process.argv.slice(2);
const q = async (s) => console.log((await c.runAndReadAll(s)).getRowObjectsJS());
await q(`SELECT count(*) n, count(*) FILTER (WHERE idx <> file_row_number) out_of_order FROM read_parquet('${b}', file_row_number=true)`);
await q(`SELECT count(*) AS a_not_b FROM (SELECT * FROM read_parquet('${a}') EXCEPT ALL SELECT * FROM read_parquet('${b}'))`);
await q(`SELECT count(*) AS b_not_a FROM (SELECT * FROM read_parquet('${b}') EXCEPT ALL SELECT * FROM read_parquet('${a}'))`);
await q(`DESCRIBE SELECT * FROM read_parquet('${b}')`).catch(()=>{});
