import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../../src/node/render/markdown.js";

describe("the safe Markdown subset", () => {
  const md = createMarkdown();
  it("shows raw HTML as text", () => {
    const html = md.render('<script>alert(1)</script><img src=x onerror="alert(1)">');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;");
  });
  it("drops script, data and file links but keeps web and e-mail links, opening outside the LMS frame", () => {
    for (const url of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>", "vbscript:x", "file:///etc/passwd", " javascript:alert(1)"])
      expect(md.render(`[x](${url})`)).not.toContain("<a ");
    expect(md.render("[EU](https://europa.eu)")).toBe('<p><a href="https://europa.eu" target="_blank" rel="noopener noreferrer">EU</a></p>\n');
    expect(md.render("[mail](mailto:a@b.lt)")).toContain('href="mailto:a@b.lt"');
  });
  it("renders no images: an image needs an image block with alt text", () => {
    expect(md.render("![](https://example.com/x.png)")).not.toContain("<img");
  });
  it("starts headings at h3, below the page's h2", () => {
    expect(md.render("# A\n\n## B\n\n#### C")).toBe("<h3>A</h3>\n<h3>B</h3>\n<h4>C</h4>\n");
  });
});
