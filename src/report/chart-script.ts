/**
 * The report's chart script (plain ES2017, inlined): draws the four charts from the JSON block `chart-data` with the
 * inlined LightweightCharts global, then sets `data-charts-drawn` on <body> to the number of charts drawn.
 */
export const CHART_SCRIPT = String.raw`(function () {
  'use strict';
  var LC = window.LightweightCharts;
  var data = JSON.parse(document.getElementById('chart-data').textContent);
  var rupee = { type: 'price', precision: 2, minMove: 0.01 };
  var clear = 'rgba(0,0,0,0)';
  var drawn = 0;

  function chart(id, options) {
    return LC.createChart(document.getElementById(id), Object.assign({
      autoSize: true,
      layout: { background: { type: 'solid', color: '#ffffff' }, textColor: '#1f2328', fontSize: 11, attributionLogo: false },
      grid: { vertLines: { color: '#f0f2f4' }, horzLines: { color: '#f0f2f4' } },
      rightPriceScale: { borderVisible: false },
      timeScale: { borderVisible: false, timeVisible: true, secondsVisible: false, minBarSpacing: 0.01 }
    }, options || {}));
  }

  function draw(id, fn) {
    if (!document.getElementById(id)) return;
    try {
      var c = chart(id);
      fn(c);
      c.timeScale().fitContent();
      drawn++;
    } catch (e) {
      document.getElementById(id).textContent = 'chart failed: ' + e.message;
      console.error(e);
    }
  }

  draw('chart-equity', function (c) {
    c.addSeries(LC.LineSeries, { color: '#1f6feb', lineWidth: 2, title: 'equity', priceFormat: rupee }).setData(data.equity);
    c.addSeries(LC.BaselineSeries, {
      baseValue: { type: 'price', price: 0 }, lineWidth: 1, title: 'drawdown %', priceFormat: rupee,
      topLineColor: clear, topFillColor1: clear, topFillColor2: clear,
      bottomLineColor: '#dc2626', bottomFillColor1: 'rgba(220,38,38,0.30)', bottomFillColor2: 'rgba(220,38,38,0.30)'
    }, 1).setData(data.drawdown);
    var panes = c.panes();
    if (panes[1]) { panes[0].setStretchFactor(2); panes[1].setStretchFactor(1); }
  });

  draw('chart-daily', function (c) {
    c.applyOptions({ timeScale: { timeVisible: false } });
    c.addSeries(LC.HistogramSeries, { priceFormat: rupee, title: 'net P&L' }).setData(data.dailyPnl);
  });

  draw('chart-scanners', function (c) {
    data.scanners.forEach(function (s) {
      c.addSeries(LC.LineSeries, { color: s.color, lineWidth: 2, title: s.id, priceFormat: rupee, lastValueVisible: false }).setData(s.points);
    });
  });

  draw('chart-candles', function (c) {
    var k = data.candles;
    var series = c.addSeries(LC.CandlestickSeries, {
      upColor: '#16a34a', downColor: '#dc2626', borderVisible: false, wickUpColor: '#16a34a', wickDownColor: '#dc2626', priceFormat: rupee
    });
    series.setData(k.candles);
    LC.createSeriesMarkers(series, k.markers);
  });

  document.body.setAttribute('data-charts-drawn', String(drawn));
})();`;
