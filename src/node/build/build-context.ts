import { createMarkdown, type Markdown } from "../render/markdown.js";
import { loadPlayerTemplates, type PlayerTemplates } from "../render/templates.js";
import { loadNotebookTemplates } from "../notebook/render-notebook.js";
import { loadRuntimeFiles, type RuntimeFiles } from "../package/runtime-files.js";
import type { FormatId, PackageFormat } from "../package/package-format.js";
import { createScorm12Format } from "../package/scorm12/scorm12-format.js";
import { createXapiFormat } from "../package/xapi/xapi-format.js";
import { createCmi5Format } from "../package/cmi5/cmi5-format.js";
import { DEFAULT_ACTIVITY_BASE } from "../package/manifest-text.js";
import { skillpackVersion } from "../package-root.js";
import { compileUnitSchema, type SchemaValidator } from "../validate/schema-validator.js";

/**
 * What a build shares across units: the compiled schema (compiled once, not once per unit), the compiled
 * templates, the player files and the formats. Each buildAll makes its own: there is no global state.
 */
export interface BuildContext {
  cwd: string;
  schema: SchemaValidator;
  markdown: Markdown;
  version: string;
  templates(): Promise<PlayerTemplates>;
  notebookTemplates(): ReturnType<typeof loadNotebookTemplates>;
  runtime(): Promise<RuntimeFiles>;
  format(id: FormatId): PackageFormat;
}

const once = <T>(load: () => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= load());
};

export interface BuildContextOptions {
  cwd?: string;
  /** The base IRI of xAPI and cmi5 activity ids (default https://skillpack.dev/xapi/activities/). */
  activityBase?: string;
}

export function createBuildContext(options: BuildContextOptions = {}): BuildContext {
  const activityBase = options.activityBase ?? DEFAULT_ACTIVITY_BASE;
  const makers: Record<FormatId, () => PackageFormat> = {
    scorm12: createScorm12Format,
    xapi: () => createXapiFormat(activityBase),
    cmi5: () => createCmi5Format(activityBase),
  };
  const formats = new Map<FormatId, PackageFormat>();
  return {
    cwd: options.cwd ?? process.cwd(),
    schema: compileUnitSchema(),
    markdown: createMarkdown(),
    version: skillpackVersion(),
    templates: once(loadPlayerTemplates),
    notebookTemplates: once(loadNotebookTemplates),
    runtime: once(loadRuntimeFiles),
    format(id) {
      let format = formats.get(id);
      if (!format) formats.set(id, (format = makers[id]()));
      return format;
    },
  };
}
