/**
 * Hostile inputs that have broken real sites: script tags, event handlers, javascript: links,
 * SVG and MathML vectors, broken markup that a lenient parser repairs into script, template
 * injection, and Unicode tricks (full-width brackets, right-to-left override, zero-width joiners).
 */
export const XSS_PAYLOADS = [
  '<script>alert("xss-1")</script>',
  '"><img src=x onerror=alert("xss-2")>',
  "'><svg onload=alert('xss-3')>",
  '</textarea><script>alert("xss-4")</script>',
  '</title><script>alert("xss-5")</script>',
  '<a href="javascript:alert(\'xss-6\')">click</a>',
  '[click](javascript:alert("xss-7"))',
  '<iframe src="javascript:alert(\'xss-8\')"></iframe>',
  '<scr<script>ipt>alert("xss-9")</scr</script>ipt>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert("xss-10")>',
  '<details open ontoggle=alert("xss-11")>',
  '{{constructor.constructor("alert(\'xss-12\')")()}}',
  '＜script＞alert("xss-13")＜/script＞',
  '\u202Etxt.exe\u200D<img src=x onerror=alert("xss-14")>',
  '<style>@import "http://evil.example/x.css";</style><link rel=stylesheet href=//evil.example/y.css>',
  '![x](https://evil.example/track.png)',
] as const;

export const XSS_TEXT = XSS_PAYLOADS.join(' ');
