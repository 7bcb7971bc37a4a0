// The forecast's movement: weighted and commit per weekly snapshot, one line per currency (amounts
// in different currencies are never added). The data comes in the chart element's data-points
// attribute as "week,currency,weighted,commit;..." since the page allows no inline script.
(function () {
  'use strict';

  function draw() {
    var el = document.getElementById('forecast-chart');
    if (!el || typeof echarts === 'undefined') return;
    var weeks = [];
    var series = {};
    (el.dataset.points || '').split(';').filter(Boolean).forEach(function (row) {
      var p = row.split(',');
      if (weeks.indexOf(p[0]) < 0) weeks.push(p[0]);
      ['weighted', 'commit'].forEach(function (kind, i) {
        var key = kind + ' ' + p[1];
        series[key] = series[key] || {};
        series[key][p[0]] = Number(p[2 + i]);
      });
    });
    weeks.sort();
    var lines = Object.keys(series).sort().map(function (key) {
      return {
        name: key,
        type: 'line',
        smooth: false,
        symbolSize: 6,
        lineStyle: key.indexOf('commit') === 0 ? { type: 'dashed' } : {},
        data: weeks.map(function (w) { return series[key][w] === undefined ? null : series[key][w]; })
      };
    });
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: weeks },
      yAxis: { type: 'value' },
      series: lines
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
