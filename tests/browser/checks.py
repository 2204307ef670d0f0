"""What the browser tests measure in a page, as small functions over a Playwright page."""

AXE_FAILING_IMPACTS = {"serious", "critical"}

# Interactive things a finger must hit: WCAG 2.2 "target size (minimum)" asks for 24x24 CSS px.
TAP_TARGETS = "nav a, nav button, nav input:not([type=hidden]), nav select, .pagination a"
MIN_TARGET = 24

# Features other parts of Pressroom add; the keyboard test looks for them when they exist.
LANGUAGE_SWITCH = (
    "a[hreflang], .language-switch a, .language-switcher a, .lang-switch a, "
    "nav[aria-label*='anguage'] a"
)
SEARCH_BOX = "input[type=search], form[role=search] input:not([type=hidden]), input[name=q]"


def horizontal_overflow(page) -> dict:
    return page.evaluate(
        """() => ({scrollWidth: document.documentElement.scrollWidth,
                   innerWidth: window.innerWidth})"""
    )


def small_tap_targets(page) -> list[str]:
    """Visible links/buttons in navigation smaller than 24x24 CSS px, described for a human."""
    return page.evaluate(
        """([selector, min]) => [...document.querySelectorAll(selector)]
            .filter(el => el.getClientRects().length > 0)
            .map(el => ({el, box: el.getBoundingClientRect()}))
            .filter(({box}) => box.width < min || box.height < min)
            .map(({el, box}) => `${el.tagName.toLowerCase()} "${el.textContent.trim()}" `
                 + `${Math.round(box.width)}x${Math.round(box.height)}`)""",
        [TAP_TARGETS, MIN_TARGET],
    )


def body_font_size(page) -> float:
    return page.evaluate("() => parseFloat(getComputedStyle(document.body).fontSize)")


def viewport_meta(page) -> str:
    return page.evaluate(
        """() => (document.querySelector('meta[name=viewport]') || {}).content || ''"""
    )


def run_axe(page, axe_source: str) -> list[dict]:
    """axe-core's violations on the page: [{id, impact, help, nodes: [target, ...]}]."""
    page.add_script_tag(content=axe_source)
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
            }));
        }"""
    )


def describe_focus(page) -> dict:
    """The focused element and whether its focus indicator can be seen."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return {tag: 'body', visibleFocus: false};
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            const shadow = style.boxShadow && style.boxShadow !== 'none';
            const box = el.getBoundingClientRect();
            return {
                tag: el.tagName.toLowerCase(),
                text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 60),
                href: el.getAttribute('href'),
                id: el.id,
                name: el.getAttribute('name'),
                inForm: Boolean(el.closest('main form')),
                visibleFocus: Boolean(outline || shadow),
                onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0,
            };
        }"""
    )


def tab_through(page, limit: int = 80) -> list[dict]:
    """Press Tab from the top of the page until focus wraps around; what got focus, in order."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        handle = page.evaluate_handle("() => document.activeElement")
        already = page.evaluate(
            "([el, marker]) => { const was = el.dataset[marker] === '1';"
            " el.dataset[marker] = '1'; return was; }",
            [handle, "tabSeen"],
        )
        if already:
            break
        seen.append(describe_focus(page))
    return seen


def image_facts(page) -> list[dict]:
    """Every <img>: its address, size attributes, loading mode and whether it is above the fold."""
    return page.evaluate(
        """() => [...document.images].map(img => {
            const box = img.getBoundingClientRect();
            return {
                src: img.currentSrc || img.src,
                width: img.getAttribute('width'),
                height: img.getAttribute('height'),
                loading: img.getAttribute('loading'),
                aboveFold: box.top < window.innerHeight && box.bottom > 0,
                cover: Boolean(img.closest('.article__cover')),
            };
        })"""
    )


def render_blocking_scripts(page) -> list[str]:
    """Scripts that stop the first paint: blocking per Chromium, or plain <script src> in head."""
    return page.evaluate(
        """() => {
            const timed = performance.getEntriesByType('resource')
                .filter(e => e.initiatorType === 'script' && e.renderBlockingStatus === 'blocking')
                .map(e => e.name);
            const inHead = [...document.head.querySelectorAll('script')]
                .filter(s => !s.async && !s.defer && s.type !== 'module')
                .map(s => s.src || 'inline script in <head>');
            return [...new Set([...timed, ...inHead])];
        }"""
    )
