/* The contact page's live map (Settings → 在线地图): Baidu Maps or AMap with the owner's key.
   The page names the vendor, key and marker in data attributes of <figure class="live-map">
   (checked when saved, checked again here); this loads the vendor's script and draws the map
   with a marker at the company. The map picture stays until the map is drawn, and stays for
   good when the vendor cannot be reached. The page's Content-Security-Policy allows this
   vendor's hosts on this page only. */
(function () {
  "use strict";
  var figure = document.querySelector("figure.live-map");
  if (!figure) return;
  var provider = figure.getAttribute("data-provider");
  var key = figure.getAttribute("data-key") || "";
  var code = figure.getAttribute("data-security-code") || "";
  var lng = parseFloat(figure.getAttribute("data-lng"));
  var lat = parseFloat(figure.getAttribute("data-lat"));
  var zoom = parseInt(figure.getAttribute("data-zoom"), 10) || 16;
  var title = figure.getAttribute("data-title") || "";
  var address = figure.getAttribute("data-address") || "";
  var located = isFinite(lng) && isFinite(lat) && Math.abs(lng) <= 180 && Math.abs(lat) <= 90;
  var canvas = document.createElement("div");
  canvas.className = "live-map__canvas";
  figure.appendChild(canvas);

  function shown() {
    figure.classList.add("live-map--on");
  }

  function load(src) {
    var script = document.createElement("script");
    script.src = src;
    script.async = true;
    document.head.appendChild(script);
  }

  var vendors = {
    amap: {
      form: /^[0-9a-f]{32}$/,
      src: "https://webapi.amap.com/maps?v=2.0&key=",
      draw: function () {
        var AMap = window.AMap;
        function place(position) {
          map.setZoomAndCenter(zoom, position);
          new AMap.Marker({ position: position, title: title, map: map });
          shown();
        }
        var map = new AMap.Map(canvas, { zoom: zoom, resizeEnable: true });
        if (located) {
          place([lng, lat]);
        } else if (address) {
          AMap.plugin("AMap.Geocoder", function () {
            new AMap.Geocoder().getLocation(address, function (status, result) {
              if (status === "complete" && result.geocodes && result.geocodes.length) {
                place(result.geocodes[0].location);
              }
            });
          });
        }
      }
    },
    baidu: {
      form: /^[A-Za-z0-9]{32}$/,
      src: "https://api.map.baidu.com/api?v=1.0&type=webgl&ak=",
      draw: function () {
        var BMapGL = window.BMapGL;
        var map = new BMapGL.Map(canvas);
        function place(point) {
          map.centerAndZoom(point, zoom);
          map.addOverlay(new BMapGL.Marker(point, { title: title }));
          shown();
        }
        if (located) {
          place(new BMapGL.Point(lng, lat));
        } else if (address) {
          new BMapGL.Geocoder().getPoint(address, function (point) {
            if (point) place(point);
          });
        }
      }
    }
  };

  var vendor = vendors[provider];
  if (!vendor || !vendor.form.test(key)) return;
  if (provider === "amap") {
    if (!/^[0-9a-f]{32}$/.test(code)) return;
    // AMap's loader reads its security code from this global before it asks for anything.
    window._AMapSecurityConfig = { securityJsCode: code };
  }
  window.pressroomLiveMap = function () {
    try {
      vendor.draw();
    } catch (error) {
      // The picture stays; the console says why.
      console.warn("The live map could not be drawn:", error);
    }
  };
  load(vendor.src + encodeURIComponent(key) + "&callback=pressroomLiveMap");
})();
