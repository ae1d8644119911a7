/// The styles a standalone chart file carries, so it looks right pasted into a slide:
/// a light background and concrete colours from a colour-blind-safe palette, each at
/// least 3:1 against white. Inline charts get the same rules from the theme, written
/// with CSS custom properties.
public enum ChartStyle {
    static let standalone = """
        .background{fill:#ffffff}\
        text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:12px;fill:#1d1f23}\
        .tick,.note,.caveat{fill:#5b6068}.grid{stroke:#e4e1da}.axis{stroke:#8a8f96}\
        .line{fill:none;stroke-width:2.5}.s1{stroke:#0072b2;fill:#0072b2}.s2{stroke:#c84e00;fill:#c84e00}\
        .s3{stroke:#007a5a;fill:#007a5a}.s4{stroke:#9e4a83;fill:#9e4a83}.s5{stroke:#8a6100;fill:#8a6100}\
        .s6{stroke:#3d3d3d;fill:#3d3d3d}.line.s1,.line.s2,.line.s3,.line.s4,.line.s5,.line.s6{fill:none}\
        .hollow{fill:none;stroke-width:2}.peer{opacity:.55}\
        .good{fill:#1b6e3c;stroke:#1b6e3c}.bad{fill:#a3321f;stroke:#a3321f}.neutral{fill:#5b6068;stroke:#5b6068}\
        .target{stroke:#1d1f23;stroke-dasharray:4 3;fill:none}.baseline{stroke:#5b6068;stroke-dasharray:1 3}\
        .fit{stroke:#5b6068;stroke-dasharray:6 4;fill:none}.leader{stroke:#8a8f96;stroke-width:1}.band{fill:#f1efe9}\
        .ci-band{stroke:none;fill-opacity:.18}.whisker{stroke:#1d1f23;stroke-width:1.25;fill:none}\
        .range{fill:#e4e1da}.previous{stroke:#1d1f23;stroke-width:2}\
        .heat-good-3{fill:#1b6e3c}.heat-good-2{fill:#5f9d74}.heat-good-1{fill:#b9d6c1}\
        .heat-bad-3{fill:#a3321f}.heat-bad-2{fill:#cf7a66}.heat-bad-1{fill:#ecc2b8}\
        .heat-neutral{fill:#eeece6}.heat-none{fill:#ffffff;stroke:#e4e1da}\
        .heat-good-3+text,.heat-bad-3+text{fill:#ffffff}\
        .part-1{fill:#0072b2}.part-2{fill:#56a0d3}.part-3{fill:#b8d4ea}.part-4{fill:#e8b48a}.part-5{fill:#c84e00}\
        .part-1+text.in-bar,.part-5+text.in-bar{fill:#ffffff}.in-bar,.in-cell{font-size:11px}
        """
}
