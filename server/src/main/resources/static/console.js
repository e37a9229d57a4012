// The console's only script: the tenant switcher and the spend chart. Data comes from the page as JSON.
(function () {
  "use strict";
  const palette = ["#3b5bdb", "#2b8a3e", "#e67700", "#c2255c", "#0c8599", "#7048e8", "#5c940d", "#862e9c", "#868e96"];

  function switcher() {
    document.querySelectorAll("select[data-navigate]").forEach(function (select) {
      select.addEventListener("change", function () { window.location.href = select.value; });
    });
  }

  function chart() {
    const canvas = document.getElementById("spend-chart");
    const source = document.getElementById("chart-data");
    if (!canvas || !source || typeof Chart === "undefined") {
      return;
    }
    const data = JSON.parse(source.textContent);
    const currency = data.currency;
    // Chart.js draws with floats; the tables and totals beside it stay exact decimal strings.
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s, i) {
          return { label: s.label, data: s.data.map(Number), backgroundColor: palette[i % palette.length], stack: "spend" };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: currency } } },
        plugins: {
          tooltip: {
            callbacks: {
              label: function (ctx) {
                const raw = data.series[ctx.datasetIndex].data[ctx.dataIndex];
                return ctx.dataset.label + ": " + currency + " " + raw;
              }
            }
          }
        }
      }
    });
    canvas.setAttribute("data-rendered", "true");
  }

  document.addEventListener("DOMContentLoaded", function () {
    switcher();
    chart();
  });
})();
