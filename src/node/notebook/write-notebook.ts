import { rename, stat } from "node:fs/promises";
import { join } from "node:path";
import type { BuildContext } from "../build/build-context.js";
import type { CheckedUnit } from "../build/check-unit.js";
import type { PackageSummary } from "../build/build-unit.js";
import { writeFileAtomic } from "../package/zip-writer.js";
import { printPdf } from "./print-pdf.js";
import { renderNotebook } from "./render-notebook.js";

/** Writes <unit>-<lang>-notebook.html, and with pdf the same as .pdf, for each language. */
export async function writeNotebooks(checked: CheckedUnit, options: { languages: readonly string[]; context: BuildContext; outDir: string; pdf: boolean }): Promise<PackageSummary[]> {
  const templates = await options.context.notebookTemplates();
  const out: PackageSummary[] = [];
  for (const language of options.languages) {
    const unit = checked.localized.get(language)!;
    const html = await renderNotebook(unit, checked.assets, templates, options.context.markdown, options.context.version);
    const name = `${unit.id}-${language}-notebook.html`;
    const path = join(options.outDir, name);
    const bytes = Buffer.from(html, "utf8");
    await writeFileAtomic(path, bytes);
    out.push({ unitId: unit.id, language, format: "notebook", name, path, size: bytes.length });
    if (options.pdf) {
      const pdfName = name.replace(/\.html$/, ".pdf");
      const temporary = join(options.outDir, `.${pdfName}.${process.pid}.tmp.pdf`);
      await printPdf(path, temporary);
      const pdfPath = join(options.outDir, pdfName);
      await rename(temporary, pdfPath);
      out.push({ unitId: unit.id, language, format: "notebook", name: pdfName, path: pdfPath, size: (await stat(pdfPath)).size });
    }
  }
  return out;
}
