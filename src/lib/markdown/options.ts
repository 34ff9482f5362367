/** What the renderer asks its caller: how links and images of one minutes file resolve in the site. */
export interface RenderOptions {
  /** Site URL for an image/link target that exists as a file next to the minutes (incl. remote HedgeDoc upload URLs https://<host>/uploads/<name> whose <name> exists locally in the same folder), else undefined. */
  resolveAsset(url: string): string | undefined;
  /** Internal meeting URL for a link into the minutes repository itself (github.com/<org>/minutes/blob|tree/<branch>/<series>/<file>.md[#anchor]) or a relative link to another minutes file ('20230704-special.md#x'), else undefined. */
  resolveMinutesLink(url: string): string | undefined;
  /** Internal issue page URL for a GitHub issue/PR/discussion URL, else undefined. */
  issuePageUrl(url: string): string | undefined;
}
