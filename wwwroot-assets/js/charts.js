// The browser half of our ApexChart component: options come from C# (ApexOptions.cs); this adds the Russian locale
// and the number formatters (functions cannot travel as JSON), creates a chart once and updates it in place after.
window.mentoringCharts = (function () {
  var charts = new WeakMap();
  var listeners = new WeakMap();
  var locale = null;

  function loadLocale() {
    if (!locale) {
      locale = fetch('assets/vendor/apexcharts/ru.json').then(function (r) { return r.json(); }).then(function (ru) {
        window.Apex = { chart: { locales: [ru], defaultLocale: 'ru' } };
      });
    }
    return locale;
  }

  // "79,8 %", "1 467 чел.": the same ru-RU digits and non-breaking space as the page.
  function formatter(format) {
    var numbers = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: format.decimals });
    return function (value) {
      if (value === null || value === undefined || isNaN(value)) return 'нет данных';
      return numbers.format(value) + (format.unit ? '\u00A0' + format.unit : '');
    };
  }

  // Labels and tooltips show the point's own text from C# when it has one ("701 из 878" stays "79,8 %").
  function pointText(fallback) {
    return function (value, context) {
      var series = context && context.w ? context.w.config.series[context.seriesIndex] : null;
      var point = series && series.data ? series.data[context.dataPointIndex] : null;
      return point && point.label ? point.label : fallback(value);
    };
  }

  var reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

  // A live update of a chart out of sight waits until the chart comes near the screen, or the page is printed: fifty
  // open dashboards redrawing charts nobody was looking at delayed the figures everybody was. A chart keeps at most
  // one waiting update, the latest. So does a new chart on a page that has been updated live (a round's first report
  // adds them all); one that comes with the page itself is drawn at once, for a page that is shown or captured whole.
  var nearScreenMargin = 200; // px: a chart this close to the screen draws, so it is ready as it scrolls in
  var outOfSight = new WeakSet();
  var waiting = new Map();
  var sight = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) { outOfSight.delete(entry.target); drawWaiting(entry.target, true); }
      else outOfSight.add(entry.target);
    });
  }, { rootMargin: nearScreenMargin + 'px' });
  function drawWaiting(element, animate) {
    var json = waiting.get(element);
    if (json === undefined) return;
    waiting.delete(element);
    draw(element, json, animate);
  }
  // A printout shows every chart as the figures stand now, drawn without motion.
  window.addEventListener('beforeprint', function () {
    Array.from(waiting.keys()).forEach(function (element) { drawWaiting(element, false); });
  });

  function updatedLive() { return document.querySelector('.live-marker:not([data-live="0"])') !== null; }
  function nearScreen(element) {
    var box = element.getBoundingClientRect();
    return (box.width > 0 || box.height > 0) && box.bottom > -nearScreenMargin && box.top < window.innerHeight + nearScreenMargin;
  }

  async function create(element, json, animate) {
    var options = withFunctions(JSON.parse(json), element);
    if (animate === false) options.chart.animations = { enabled: false };
    var chart = new ApexCharts(element, options);
    charts.set(element, chart);
    await chart.render();
    element.setAttribute('data-rendered', 'true');
  }

  function draw(element, json, animate) {
    var chart = charts.get(element);
    if (!chart) return create(element, json, animate);
    // In place: no new chart, the bars move to their new values.
    return chart.updateOptions(withFunctions(JSON.parse(json), element), false, animate);
  }

  function withFunctions(spec, element) {
    var options = spec.options;
    // A click on a bar or column goes to the component (cross-filtering); a chart without a listener ignores it.
    var listener = listeners.get(element);
    options.chart.events = listener ? {
      dataPointSelection: function (event, context, config) {
        // On a touch screen the first tap on a bar shows its tooltip; a second tap on the same bar selects it.
        var touch = event && (event.pointerType === 'touch' || (event.type || '').indexOf('touch') === 0
          || (event.sourceCapabilities && event.sourceCapabilities.firesTouchEvents));
        var key = config.seriesIndex + ':' + config.dataPointIndex;
        if (touch && element.dataset.tapped !== key) { element.dataset.tapped = key; return; }
        delete element.dataset.tapped;
        listener.invokeMethodAsync('PointSelected', config.seriesIndex, config.dataPointIndex);
      }
    } : {};
    // A user who asked the system for less motion gets charts that appear drawn, without their entry animation.
    if (reducedMotion.matches) options.chart.animations = { enabled: false };
    var text = formatter(spec.format);
    var axis = formatter({ unit: spec.format.unit, decimals: 0 });
    var label = pointText(text);
    // A missing value gets no label on the chart (its tooltip and the table say «нет данных»).
    options.dataLabels.formatter = function (value, context) { return value === null || value === undefined ? '' : label(value, context); };
    options.tooltip.y = { formatter: pointText(text) };
    // Horizontal bars carry their values on the x axis.
    if (spec.format.horizontal) options.xaxis.labels.formatter = axis;
    else options.yaxis.labels.formatter = axis;
    return options;
  }

  // A selectable chart by keyboard: its figure takes focus, arrows walk the bars (the line below the chart reads the
  // current one), Enter or Space selects it as a click would.
  function keyboard(element, listener) {
    var figure = element.closest('figure');
    var cursor = figure && figure.querySelector('.chart-cursor');
    if (!cursor) return;
    var index = -1;
    figure.addEventListener('keydown', function (e) {
      var chart = charts.get(element);
      var data = chart ? chart.w.config.series[0].data : [];
      if (!data.length) return;
      var moves = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: data.length - 1 };
      if (e.key in moves) {
        index = Math.max(0, Math.min(data.length - 1, moves[e.key]));
        var point = data[index];
        var name = Array.isArray(point.x) ? point.x.join(' ') : point.x;
        cursor.textContent = (index + 1) + ' из ' + data.length + ': ' + name + ' — ' + point.label + '. Enter — выбрать.';
      } else if ((e.key === 'Enter' || e.key === ' ') && index >= 0) {
        listener.invokeMethodAsync('PointSelected', 0, index);
      } else {
        return;
      }
      e.preventDefault();
    });
  }

  return {
    render: async function (element, json, listener) {
      await loadLocale();
      if (listener) { listeners.set(element, listener); keyboard(element, listener); }
      sight.observe(element);
      if (updatedLive() && !nearScreen(element)) { outOfSight.add(element); waiting.set(element, json); return; }
      await create(element, json);
    },
    update: async function (element, json) {
      if (outOfSight.has(element)) { waiting.set(element, json); return; }
      waiting.delete(element);
      await draw(element, json, true);
    },
    destroy: function (element) {
      var chart = charts.get(element);
      if (chart) { chart.destroy(); charts.delete(element); }
      sight.unobserve(element);
      waiting.delete(element);
      listeners.delete(element);
    }
  };
})();
