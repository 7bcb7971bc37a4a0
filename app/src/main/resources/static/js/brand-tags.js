// The brand tags page's chart: posts per day for each tag, read from the data-chart attribute
// (JSON written by the server; tag names are set as text by ECharts, never as HTML).
(function () {
  function draw() {
    var el = document.getElementById('brand-chart');
    if (!el || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: data.days, axisLabel: { formatter: function (d) { return d.slice(5); } } },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'posts', data: s.data, emphasis: { focus: 'series' } };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
