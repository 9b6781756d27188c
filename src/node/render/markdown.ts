import MarkdownIt from "markdown-it";

/** Link targets a unit may use: the web and e-mail. Never javascript:, data:, file: or vbscript:. */
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

/**
 * The safe Markdown subset: no raw HTML (it is shown as text), no images (they need an image block with
 * alt text), links only to the web or e-mail, opening outside the LMS frame.
 */
export type Markdown = ReturnType<typeof MarkdownIt>;

export function createMarkdown(): Markdown {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: true, breaks: false });
  md.disable(["image"]);
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  const defaultOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]!.attrSet("target", "_blank");
    tokens[idx]!.attrSet("rel", "noopener noreferrer");
    return defaultOpen(tokens, idx, options, env, self);
  };
  // A page's title is its h2, so headings inside a block start at h3.
  md.core.ruler.push("demote-headings", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        token.tag = `h${Math.max(3, Number(token.tag.slice(1)))}`;
      }
    }
  });
  return md;
}
