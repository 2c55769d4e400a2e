// A FAKE of Stripe.js, Stripe's remote browser script (https://js.stripe.com/<release>/stripe.js,
// which `@stripe/stripe-js`'s loadStripe injects), for browser tests only. js.stripe.com is
// unreachable from these machines, so browser tests intercept the script's URL at its HTTP
// boundary (playwright `route`) and serve this instead. It is not Stripe's code and implements
// only what the storefront's card payment (storefront/app/components/CardPayment.tsx) calls:
//
//   Stripe(publishableKey, { locale })         → the stripe object (+ `_registerWrapper`, `version`)
//   stripe.elements().create("card").mount(el)  → a plain <input> where the test types a test
//        card id (pm_card_visa, pm_card_threeDSecure2Required, pm_card_chargeDeclined — the ids
//        the fake Stripe API of ./fake-stripe.ts knows); on/off, focus, blur, clear, destroy
//   stripe.confirmCardPayment(clientSecret, { payment_method: { card } })
//        → POST /v1/payment_intents/:id/confirm { client_secret, payment_method } with the
//          publishable key on the fake Stripe API, like Stripe.js. When the intent needs 3-D Secure
//          (`requires_action`, next_action `use_stripe_sdk`) it shows a challenge dialog, as
//          Stripe.js shows the bank's; its buttons POST /_fake/next_action/:pi (pass or fail), then
//          it retrieves the intent again with the client_secret. It resolves like Stripe.js:
//          { paymentIntent } or { error } (card errors, the authentication failure, validation).
//
// The script is plain browser JavaScript in a string (not a compiled function), so nothing of the
// test runtime leaks into the page.

import type { BrowserContext, Page } from "playwright-core"

/** Where Stripe.js is loaded from (any release train: /v3, /basil/stripe.js, /endive/stripe.js, …). */
export const STRIPE_JS_URL = /^https:\/\/js\.stripe\.com\//

/** The fake Stripe.js source, talking to the fake Stripe API at `apiUrl` (e.g. http://127.0.0.1:43123). */
export function fakeStripeJsSource(options: { apiUrl: string }): string {
  return `/* FAKE Stripe.js for tests (tests/support/fake-stripe-js.ts): not Stripe's code. */
(function () {
  "use strict";
  var API = ${JSON.stringify(options.apiUrl.replace(/\/$/, ""))};
  var script = document.currentScript;
  var release = (/^https:\\/\\/js\\.stripe\\.com\\/([a-z0-9]+)\\//.exec((script && script.src) || "") || [])[1] || "v3";
  var TEXT = {
    zh: {
      card: "卡号（FAKE Stripe.js：输入测试卡 pm_card_…）",
      incomplete: "您的卡号不完整。",
      invalid: "您的卡号无效。",
      title: "3-D Secure 验证（FAKE Stripe.js 测试页）",
      // Stripe's 3-D Secure test page has English buttons only.
      pass: "Complete authentication",
      fail: "Fail authentication",
    },
    en: {
      card: "Card number (FAKE Stripe.js: type a test card id pm_card_…)",
      incomplete: "Your card number is incomplete.",
      invalid: "Your card number is invalid.",
      title: "3-D Secure authentication (FAKE Stripe.js test page)",
      pass: "Complete authentication",
      fail: "Fail authentication",
    },
  };

  function form(params) {
    var body = new URLSearchParams();
    Object.keys(params).forEach(function (key) {
      if (params[key] !== undefined && params[key] !== null) body.append(key, String(params[key]));
    });
    return body.toString();
  }

  function Stripe(publishableKey, options) {
    if (typeof publishableKey !== "string" || !/^pk_/.test(publishableKey)) {
      throw new Error("FAKE Stripe.js: Stripe() needs a publishable key (pk_…)");
    }
    var stripeLocale = (options && options.locale) || "auto";
    var text = function (locale) {
      var wanted = locale && locale !== "auto" ? locale : stripeLocale !== "auto" ? stripeLocale : navigator.language;
      return /^zh/i.test(wanted || "") ? TEXT.zh : TEXT.en;
    };

    // Stripe's API from the browser: the publishable key as the credential, like Stripe.js.
    async function api(method, path, params) {
      try {
        var query = method === "GET" ? "?" + form(params) : "";
        var response = await fetch(API + path + query, {
          method: method,
          headers: { authorization: "Bearer " + publishableKey, "content-type": "application/x-www-form-urlencoded" },
          body: method === "GET" ? undefined : form(params),
        });
        return { ok: response.ok, body: await response.json() };
      } catch (error) {
        return { ok: false, body: { error: { type: "api_connection_error", message: String(error) } } };
      }
    }

    function createCard(elementOptions, locale) {
      var handlers = {};
      var input = null;
      var container = null;
      var emit = function (type, event) {
        (handlers[type] || []).slice().forEach(function (handler) { handler(Object.assign({ elementType: "card" }, event)); });
      };
      var element = {
        mount: function (target) {
          container = typeof target === "string" ? document.querySelector(target) : target;
          if (!container) throw new Error("FAKE Stripe.js: mount() target not found");
          input = document.createElement("input");
          input.type = "text";
          input.autocomplete = "off";
          input.spellcheck = false;
          input.setAttribute("aria-label", text(locale).card);
          input.setAttribute("data-fake-stripe", "card");
          input.placeholder = "pm_card_visa";
          input.style.cssText = "border:0;outline:0;width:100%;font:inherit;font-size:16px;line-height:24px;padding:0;background:transparent;min-height:0";
          input.addEventListener("input", function () {
            var value = input.value.trim();
            emit("change", { empty: !value, complete: /^pm_\\w+$/.test(value), brand: "unknown", error: undefined, value: {} });
          });
          input.addEventListener("focus", function () { container.classList.add("StripeElement--focus"); emit("focus", {}); });
          input.addEventListener("blur", function () { container.classList.remove("StripeElement--focus"); emit("blur", {}); });
          container.classList.add("StripeElement");
          container.appendChild(input);
          setTimeout(function () { emit("ready", {}); }, 0);
          return element;
        },
        on: function (type, handler) { (handlers[type] = handlers[type] || []).push(handler); return element; },
        off: function (type, handler) {
          handlers[type] = (handlers[type] || []).filter(function (h) { return handler && h !== handler; });
          return element;
        },
        focus: function () { if (input) input.focus(); },
        blur: function () { if (input) input.blur(); },
        clear: function () { if (input) input.value = ""; },
        update: function () {},
        unmount: function () { if (input) input.remove(); input = null; },
        destroy: function () { element.unmount(); handlers = {}; },
        _fakeCardId: function () { return input ? input.value.trim() : ""; },
      };
      return element;
    }

    // Stands in for the bank's 3-D Secure page that Stripe.js opens in a modal.
    function challenge(intent, locale) {
      return new Promise(function (resolve) {
        var words = text(locale);
        var overlay = document.createElement("div");
        overlay.setAttribute("role", "dialog");
        overlay.setAttribute("aria-modal", "true");
        overlay.setAttribute("aria-label", words.title);
        overlay.setAttribute("data-fake-stripe", "three-d-secure");
        overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;background:rgba(0,0,0,.5);display:flex;align-items:center;justify-content:center";
        var box = document.createElement("div");
        box.style.cssText = "background:#fff;padding:24px;border-radius:8px;max-width:420px;font-size:16px";
        var heading = document.createElement("h2");
        heading.textContent = words.title;
        var amount = document.createElement("p");
        amount.textContent = (intent.amount / 100).toFixed(2) + " " + String(intent.currency).toUpperCase();
        var buttons = [["succeed", words.pass], ["fail", words.fail]].map(function (pair) {
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = pair[1];
          button.style.cssText = "min-height:44px;margin:4px 8px 0 0;padding:8px 16px";
          button.addEventListener("click", function () { finish(pair[0]); });
          return button;
        });
        var done = false;
        async function finish(outcome) {
          if (done) return;
          done = true;
          buttons.forEach(function (b) { b.disabled = true; });
          try {
            await fetch(API + "/_fake/next_action/" + encodeURIComponent(intent.id), {
              method: "POST",
              headers: { "content-type": "application/x-www-form-urlencoded" },
              body: form({ outcome: outcome }),
            });
          } finally {
            overlay.remove();
            resolve();
          }
        }
        // Closing the bank's window (Escape) abandons the authentication, as with Stripe.js.
        overlay.addEventListener("keydown", function (event) {
          if (event.key === "Escape") finish("fail");
          if (event.key === "Tab") {
            var index = buttons.indexOf(document.activeElement);
            event.preventDefault();
            buttons[(index + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length].focus();
          }
        });
        box.appendChild(heading);
        box.appendChild(amount);
        buttons.forEach(function (b) { box.appendChild(b); });
        overlay.appendChild(box);
        document.body.appendChild(overlay);
        buttons[0].focus();
      });
    }

    var elementsLocale = stripeLocale;
    var stripe = {
      _registerWrapper: function () {},
      elements: function (options) {
        elementsLocale = (options && options.locale) || stripeLocale;
        var created = {};
        return {
          create: function (type, elementOptions) {
            if (type !== "card") throw new Error("FAKE Stripe.js implements only the card Element, not " + type);
            return (created[type] = createCard(elementOptions || {}, elementsLocale));
          },
          getElement: function (type) { return created[type] || null; },
        };
      },
      confirmCardPayment: async function (clientSecret, data, options) {
        var id = String(clientSecret || "").split("_secret_")[0];
        if (!/^pi_/.test(id)) throw new Error("FAKE Stripe.js: invalid client_secret");
        var params = { client_secret: clientSecret };
        var method = data && data.payment_method;
        if (method && typeof method === "object") {
          if (!method.card || typeof method.card._fakeCardId !== "function") {
            throw new Error("FAKE Stripe.js implements payment_method: { card: <card Element> } only");
          }
          var typed = method.card._fakeCardId();
          var words = text(elementsLocale);
          if (!typed) return { error: { type: "validation_error", code: "incomplete_number", message: words.incomplete } };
          if (!/^pm_\\w+$/.test(typed)) return { error: { type: "validation_error", code: "invalid_number", message: words.invalid } };
          params.payment_method = typed;
        } else if (typeof method === "string") {
          params.payment_method = method;
        }
        var confirmed = await api("POST", "/v1/payment_intents/" + id + "/confirm", params);
        if (!confirmed.ok) return { error: confirmed.body.error };
        var intent = confirmed.body;
        var sdkAction = intent.status === "requires_action" && intent.next_action && intent.next_action.type === "use_stripe_sdk";
        if (sdkAction && !(options && options.handleActions === false)) {
          await challenge(intent, elementsLocale);
          var again = await api("GET", "/v1/payment_intents/" + id, { client_secret: clientSecret });
          if (!again.ok) return { error: again.body.error };
          intent = again.body;
        }
        if (intent.status === "requires_payment_method" && intent.last_payment_error) {
          return { error: Object.assign({}, intent.last_payment_error, { payment_intent: intent }) };
        }
        return { paymentIntent: intent };
      },
    };
    return stripe;
  }
  // @stripe/stripe-js compares this with the release it expects (a warning only).
  Stripe.version = release;
  window.Stripe = Stripe;
})();
`
}

/**
 * Serves the fake Stripe.js wherever the page loads Stripe.js from js.stripe.com, for every page of
 * the context (or one page). Returns the URLs served, for the test to check the page asked for it.
 */
export async function serveFakeStripeJs(target: BrowserContext | Page, options: { apiUrl: string }): Promise<string[]> {
  const served: string[] = []
  const body = fakeStripeJsSource(options)
  await target.route(STRIPE_JS_URL, async (route) => {
    const url = route.request().url()
    if (!/\/(v3\/?|[a-z0-9]+\/stripe\.js)(\?.*)?$/.test(new URL(url).pathname + new URL(url).search)) {
      // Anything else Stripe.js would fetch from there does not exist in this fake.
      return route.fulfill({ status: 404, contentType: "text/plain", body: "not part of the fake Stripe.js" })
    }
    served.push(url)
    await route.fulfill({ status: 200, contentType: "application/javascript; charset=utf-8", body })
  })
  return served
}
