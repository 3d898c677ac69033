import "server-only";
import ExcelJS from "exceljs";
import { neutraliseFormula } from "@/lib/spreadsheet-safety";

// The one way to produce XLSX downloads: every text cell goes through the formula-injection guard.

type CellValue = string | number | boolean | Date | null;
export type SheetColumn<Row> = { header: string; value: (row: Row) => CellValue; width?: number };

/** A sheet with its cells computed, so sheets of different row types can share one workbook. */
export type Sheet = { name: string; columns: { header: string; width: number }[]; rows: CellValue[][] };

export function defineSheet<Row>(name: string, columns: SheetColumn<Row>[], rows: Row[]): Sheet {
  return {
    name: name.slice(0, 31),
    columns: columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(12, c.header.length + 2) })),
    rows: rows.map((row) => columns.map((c) => neutraliseFormula(c.value(row)))),
  };
}

export async function buildWorkbook(sheets: Sheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ASN Berbagi";
  workbook.created = new Date();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.columns = spec.columns;
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: "frozen", ySplit: 1 }];
    sheet.addRows(spec.rows);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An XLSX download response: never cached, always an attachment. */
export function xlsxResponse(body: Uint8Array, fileName: string): Response {
  return new Response(body as BodyInit, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
