"""What the browser gates do to a page, kept apart from the tests so the self-tests
(test_gates_can_fail.py) exercise exactly the same code on deliberately bad pages."""

from axe_selenium_python import Axe

# (name used in artifacts, path inside the site, must show at least one chart)
PAGES = [
    ("index", "index.html", True),
    ("team-checkout-web", "teams/checkout-web/index.html", True),
    ("group-product-eng", "teams/product-eng/index.html", True),
    ("metric-cycle_time", "metrics/cycle_time/index.html", True),
    ("usage-vs-outcomes", "usage-vs-outcomes/index.html", True),
    ("methodology", "methodology/index.html", False),
]
PAGE_IDS = [name for name, _, _ in PAGES]

MAX_SCREENSHOT_HEIGHT = 8000


def emulate(driver, media="", scheme="light"):
    """Emulate CSS media ("" for screen, "print") and prefers-color-scheme."""
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )


def fit_window_to_page(driver, width, max_height=MAX_SCREENSHOT_HEIGHT):
    """Make the viewport `width` wide and as tall as the document (up to max_height), so
    a screenshot shows the whole page and axe sees every element inside the viewport."""
    driver.set_window_size(width, 900)
    chrome_height = driver.execute_script("return window.outerHeight - window.innerHeight")
    page_height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(page_height + chrome_height, max_height))


def open_all_details(driver):
    driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true)")


# --- Accessibility -------------------------------------------------------------------

BLOCKING_IMPACTS = ("serious", "critical")


def run_axe(driver):
    axe = Axe(driver)
    axe.inject()
    return axe.run()


def blocking_violations(results):
    return [v for v in results["violations"] if v.get("impact") in BLOCKING_IMPACTS]


def describe_violations(violations):
    lines = []
    for v in violations:
        lines.append(f"{v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])} elements)")
        for node in v["nodes"][:5]:
            messages = "; ".join(c["message"] for c in node["any"] + node["all"] + node["none"])
            lines.append(f"    {' '.join(node['target'])}\n      {node['html'][:200]}\n      {messages}")
    return "\n".join(lines)


def undetermined_html_contrast(driver, results):
    """color-contrast nodes axe could not judge, other than text inside SVG (which axe 3.x
    cannot judge at all; svg_text_contrast_failures covers that)."""
    left = []
    for rule in results["incomplete"]:
        if rule["id"] != "color-contrast":
            continue
        for node in rule["nodes"]:
            selector = node["target"][-1]
            in_svg = driver.execute_script(
                "const e = document.querySelector(arguments[0]); return !!(e && e.closest('svg'))", selector)
            if in_svg:
                continue
            reasons = "; ".join(c["message"] for c in node["any"] + node["all"] + node["none"])
            left.append(f"{selector}: {node['html'][:120]} ({reasons})")
    return left


_SVG_TEXT_CONTRAST_JS = r"""
function rgba(css) {
  const m = css && css.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(parseFloat);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function over(top, bottom) {           // "source over" compositing, bottom opaque
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
function luminance(c) {
  const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function opacityChain(el, stop) {      // opacity of el and its ancestors up to (and including) stop
  let o = 1;
  for (let e = el; e; e = e.parentElement) { o *= parseFloat(getComputedStyle(e).opacity); if (e === stop) break; }
  return o;
}
function paintOf(el) {                 // what an element paints behind text at a point, or null
  const cs = getComputedStyle(el);
  if (el instanceof SVGElement) {
    if (!(el instanceof SVGGeometryElement) || el instanceof SVGLineElement) return null;
    const c = rgba(cs.fill);
    if (!c || c[3] === 0) return null;
    c[3] *= parseFloat(cs.fillOpacity) * opacityChain(el, el.ownerSVGElement);
    return c[3] > 0 ? c : null;
  }
  const c = rgba(cs.backgroundColor);
  return c && c[3] > 0 ? c : null;
}
const out = [];
for (const text of document.querySelectorAll('svg text')) {
  if (!text.checkVisibility({checkVisibilityCSS: true}) || text.closest('details:not([open])')) continue;
  if (!text.textContent.trim()) continue;
  text.scrollIntoView({block: 'center', inline: 'center'});
  const box = text.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) continue;
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const layers = [];
  for (const el of document.elementsFromPoint(x, y)) {
    if (el === text || text.contains(el)) continue;
    const paint = paintOf(el);
    if (!paint) continue;
    layers.push(paint);
    if (paint[3] >= 1) break;
  }
  let bg = [255, 255, 255, 1];
  for (const layer of layers.reverse()) bg = over(layer, bg);
  const cs = getComputedStyle(text);
  const fg = rgba(cs.fill);
  if (!fg) continue;
  fg[3] *= parseFloat(cs.fillOpacity) * opacityChain(text, text.ownerSVGElement);
  const shown = over(fg, bg);
  const l1 = luminance(shown), l2 = luminance(bg);
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  const size = parseFloat(cs.fontSize), bold = parseInt(cs.fontWeight, 10) >= 700;
  const needed = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
  if (ratio < needed) {
    out.push({text: text.textContent.trim().slice(0, 40), cls: text.getAttribute('class') || '',
              chart: (text.ownerSVGElement.querySelector('title') || {}).textContent || '',
              ratio: Math.round(ratio * 100) / 100, needed: needed,
              fg: 'rgb(' + shown.slice(0, 3).map(Math.round) + ')', bg: 'rgb(' + bg.slice(0, 3).map(Math.round) + ')'});
  }
}
window.scrollTo(0, 0);
return out;
"""


def svg_text_contrast_failures(driver):
    """Visible text inside inline SVG whose fill does not reach WCAG AA contrast against
    what is painted behind it (shapes under it, then the page's backgrounds)."""
    return driver.execute_script(_SVG_TEXT_CONTRAST_JS)


# --- Rendering -----------------------------------------------------------------------

def horizontal_overflow(driver):
    """None when nothing sticks out sideways; else the widths and the widest offenders.

    Compares with documentElement.clientWidth (the viewport less any vertical scrollbar),
    which is window.innerWidth when there is no scrollbar and stricter when there is."""
    return driver.execute_script(r"""
      const root = document.documentElement;
      const width = Math.min(window.innerWidth, root.clientWidth);
      if (root.scrollWidth <= width + 1) return null;
      function clipped(el) {
        for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
          if (getComputedStyle(e).overflowX !== 'visible') return true;
        }
        return false;
      }
      const offenders = [];
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && !clipped(el)) {
          offenders.push({right: Math.round(r.right), html: el.outerHTML.slice(0, 160)});
        }
      }
      offenders.sort((a, b) => b.right - a.right);
      return {scrollWidth: root.scrollWidth, innerWidth: window.innerWidth,
              clientWidth: root.clientWidth, offenders: offenders.slice(0, 5)};
    """)


def inline_svg_boxes(driver):
    """Every visible inline <svg> (outermost only) with its rendered size. An SVG counts as
    not displayed when it sits in a closed <details>, or the browser reports it hidden
    (display:none or visibility:hidden on it or an ancestor)."""
    return driver.execute_script(r"""
      const out = [];
      for (const svg of document.querySelectorAll('svg')) {
        if (svg.parentElement && svg.parentElement.closest('svg')) continue;
        if (svg.closest('details:not([open])')) continue;
        if (!svg.checkVisibility({checkVisibilityCSS: true})) continue;
        const r = svg.getBoundingClientRect();
        const title = svg.querySelector('title');
        out.push({width: r.width, height: r.height,
                  name: title ? title.textContent : svg.outerHTML.slice(0, 120)});
      }
      return out;
    """)


def screenshot(driver, path):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not driver.save_screenshot(str(path)):
        raise AssertionError(f"could not save screenshot {path}")
