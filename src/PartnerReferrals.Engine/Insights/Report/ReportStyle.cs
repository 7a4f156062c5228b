namespace PartnerReferrals.Engine.Insights.Report;

/// <summary>The report's stylesheet: light by default, dark when the browser prefers it, plain black on white in print.</summary>
internal static class ReportStyle
{
    public const string Css = """
:root{--bg:#f7f7f8;--card:#ffffff;--fg:#1d1d1f;--muted:#5f6368;--grid:#e2e2e6;--border:#dcdce0;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#17181b;--card:#222327;--fg:#ececef;--muted:#a3a7ad;--grid:#3a3b40;--border:#34353a}}
*{box-sizing:border-box}
body{margin:0;padding:24px;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
header h1{margin:0 0 8px;font-size:24px}
header dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 16px;color:var(--muted)}
header dt{font-weight:600}header dd{margin:0}
header dd{overflow-wrap:anywhere}
h2{font-size:16px;margin:0 0 8px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin-bottom:16px}
.tile,.card{background:var(--card);border:1px solid var(--border);border-radius:8px;padding:12px 16px}
.tile .label{color:var(--muted);font-size:12px}.tile .big{font-size:24px;font-weight:600}
.card{margin-bottom:16px;break-inside:avoid}
.row{display:flex;flex-wrap:wrap;gap:16px}.row>.card{flex:1 1 440px}
svg.chart{width:100%;height:auto;display:block}
svg text{fill:var(--fg);font-size:12px}svg text.axis{fill:var(--muted);font-size:11px}svg text.muted{fill:var(--muted)}
svg line.grid{stroke:var(--grid);stroke-width:1}
svg rect.mark:hover{opacity:.8}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 14px;padding:0;margin:8px 0 0;color:var(--muted);font-size:12px}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:5px;vertical-align:baseline}
figure.hist{flex:1 1 280px;margin:0}figcaption{font-weight:600;margin-bottom:4px}
table.times{border-collapse:collapse;width:100%;margin-bottom:12px}
table.times th,table.times td{padding:4px 8px;border-bottom:1px solid var(--grid);text-align:right;white-space:nowrap}
table.times th[scope=row]{text-align:left;font-weight:normal;color:var(--muted)}
footer{color:var(--muted);font-size:12px;margin-top:8px}
@media print{:root{--bg:#fff;--card:#fff;--fg:#000;--muted:#333;--grid:#ccc;--border:#999}body{padding:0;font-size:12px}.card,.tile{border-color:#999}.row{display:block}.row>.card{margin-bottom:12px}
svg rect.mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}@page{margin:12mm}}
""";
}
