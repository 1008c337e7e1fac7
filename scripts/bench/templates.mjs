// Realistic Django templates for scripts/bench.mjs: a base layout, then page templates built from
// sections (forms, loops over products, galleries, inline styles, comments…) with a mix of
// {% static %} uses and raw /static/… paths, so that the template rules have work to do.

/** Static files written to the project's static/ folder (served by STATICFILES_DIRS). */
export const STATIC_FILES = [
  'css/site.css',
  'css/catalog.css',
  'css/print.css',
  'js/app.js',
  'js/cart.js',
  'js/vendor/htmx.min.js',
  'img/logo.svg',
  'img/hero.jpg',
  'img/placeholder.png',
  'img/icons/cart.svg',
  'img/icons/user.svg',
  'fonts/inter.woff2',
  'favicon.ico',
];

/** A deterministic pseudo-random generator (mulberry32), so every run writes the same files. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEAD = (title) => `{% extends "base.html" %}
{% load static i18n humanize %}

{% block title %}${title} — {{ block.super }}{% endblock %}

{% block extra_head %}
  <link rel="stylesheet" href="{% static 'css/catalog.css' %}">
  <link rel="stylesheet" href="/static/css/print.css" media="print">
  <link rel="preload" href="{% static 'fonts/inter.woff2' %}" as="font" type="font/woff2" crossorigin>
  <style>
    .hero { background: url("/static/img/hero.jpg") center / cover no-repeat; min-height: 320px; }
    .badge::before { content: ""; background-image: url({% static 'img/icons/cart.svg' %}); }
    @media print { .no-print { display: none; } }
  </style>
{% endblock %}

{% block content %}
`;

const SECTIONS = [
  // A product grid with a loop, filters, conditionals and a mix of static and raw images.
  (i) => `<section class="products" id="grid-${i}">
  <h2>{% trans "Featured products" %} #${i}</h2>
  {% if products %}
    <ul class="grid">
    {% for product in products %}
      <li class="card{% if forloop.first %} card--first{% endif %}" data-id="{{ product.pk }}">
        <a href="{% url 'catalog:product' product.slug %}">
          {% if product.image %}
            <img src="{{ product.image.url }}" alt="{{ product.name|escape }}" loading="lazy" width="240" height="180">
          {% else %}
            <img src="{% static 'img/placeholder.png' %}" alt="" width="240" height="180">
          {% endif %}
          <h3>{{ product.name|title|truncatechars:40 }}</h3>
        </a>
        <p class="price">{{ product.price|floatformat:2 }} €{% if product.on_sale %} <span class="sale">-{{ product.discount }}%</span>{% endif %}</p>
        <img src="/static/img/icons/cart.svg" class="icon" alt="{% trans 'Add to cart' %}">
      </li>
    {% empty %}
      <li>{% trans "Nothing here yet." %}</li>
    {% endfor %}
    </ul>
  {% else %}
    <p class="empty">{% blocktrans %}No products in {{ category }}.{% endblocktrans %}</p>
  {% endif %}
</section>
`,
  // A form with CSRF, field loops and errors.
  (i) => `<form method="post" action="{% url 'orders:checkout' %}" class="checkout" id="checkout-${i}" novalidate>
  {% csrf_token %}
  {{ form.non_field_errors }}
  {% for field in form.visible_fields %}
    <div class="field{% if field.errors %} field--error{% endif %}">
      <label for="{{ field.id_for_label }}">{{ field.label }}{% if field.field.required %} *{% endif %}</label>
      {{ field }}
      {% if field.help_text %}<small class="help">{{ field.help_text|safe }}</small>{% endif %}
      {% for error in field.errors %}<p class="error">{{ error }}</p>{% endfor %}
    </div>
  {% endfor %}
  {% for hidden in form.hidden_fields %}{{ hidden }}{% endfor %}
  <input type="image" src="/static/img/icons/user.svg" alt="Submit">
  <button type="submit" class="btn btn-primary">{% trans "Place order" %}</button>
</form>
`,
  // A comment block holding markup that must not be analysed.
  (i) => `{% comment "old banner ${i}" %}
  <div class="banner">
    <img src="/static/img/old-banner.png" alt="">
    <script src="/static/js/old-banner.js"></script>
  </div>
{% endcomment %}
{# Short comment ${i}: {{ not_rendered }} #}
`,
  // A gallery with srcset, inline style url() and a relative path.
  (i) => `<div class="gallery" style="background-image: url('/static/img/hero.jpg'); padding: 1rem">
  <picture>
    <source srcset="{% static 'img/hero.jpg' %} 1x, /static/img/hero.jpg 2x" media="(min-width: 800px)">
    <img src="{% static 'img/hero.jpg' %}" alt="Hero ${i}" class="hero">
  </picture>
  {% with total=items|length %}
    <p>{{ total }} item{{ total|pluralize }} — {% now "Y" %}</p>
  {% endwith %}
  <img src="img/logo.svg" alt="logo" class="logo-${i}">
</div>
`,
  // A table with nested loops and template variables.
  (i) => `<table class="orders" id="orders-${i}">
  <thead><tr><th>#</th><th>{% trans "Date" %}</th><th>{% trans "Total" %}</th><th></th></tr></thead>
  <tbody>
  {% for order in orders %}
    <tr class="{% cycle 'odd' 'even' %}">
      <td>{{ forloop.counter }}</td>
      <td>{{ order.created|date:"SHORT_DATE_FORMAT" }}</td>
      <td>{{ order.total|intcomma }}</td>
      <td>{% for line in order.lines.all %}{{ line.product.name }}{% if not forloop.last %}, {% endif %}{% endfor %}</td>
    </tr>
  {% endfor %}
  </tbody>
</table>
`,
  // Scripts: static, raw, and an inline script with template variables.
  (i) => `<script src="{% static 'js/cart.js' %}" defer></script>
<script src="/static/js/vendor/htmx.min.js"></script>
<script src="{% static 'js/analytics.js' %}" async></script>
<script>
  window.CART_${i} = { url: "{% url 'orders:cart' %}", count: {{ cart.count|default:0 }}, csrf: "{{ csrf_token }}" };
  document.querySelectorAll('.card').forEach((el) => el.addEventListener('click', () => el.classList.toggle('open')));
</script>
`,
  // Plain text content with includes.
  (i) => `<article class="prose">
  <h2>{{ page.title }}</h2>
  {{ page.body|linebreaks }}
  <p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore ${i}.</p>
  <p>Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.</p>
  {% include "partials/share.html" with url=request.build_absolute_uri only %}
  <a href="/static/docs/terms.pdf">Terms</a>
</article>
`,
];

const BASE = `<!DOCTYPE html>
{% load static %}
<html lang="{{ LANGUAGE_CODE|default:'en' }}">
<head>
  <meta charset="utf-8">
  <title>{% block title %}Shop{% endblock %}</title>
  <link rel="icon" href="{% static 'favicon.ico' %}">
  <link rel="stylesheet" href="{% static 'css/site.css' %}">
  <link rel="stylesheet" href="/static/css/site.css">
  {% block extra_head %}{% endblock %}
</head>
<body class="{% block body_class %}{% endblock %}">
  <header><img src="{% static 'img/logo.svg' %}" alt="Shop"></header>
  <main>{% block content %}{% endblock %}</main>
  <script src="{% static 'js/app.js' %}"></script>
</body>
</html>
`;

/** A page template of about `lines` lines (at least one of each section). */
export function template(lines, seed = 1, title = 'Catalogue') {
  const rnd = random(seed);
  const out = [HEAD(title)];
  let count = out[0].split('\n').length - 1;
  for (let i = 0; ; i++) {
    const section = (i < SECTIONS.length ? SECTIONS[i] : SECTIONS[Math.floor(rnd() * SECTIONS.length)])(i + seed * 1000);
    const n = section.split('\n').length - 1;
    if (i > 0 && count + n > lines - 1) break;
    out.push(section);
    count += n;
  }
  // Plain paragraphs up to exactly `lines` lines (the last one closes the content block).
  for (let i = 0; count < lines - 1; i++, count++) out.push(`<p class="note">{{ notes.${i % 7}|default:"Free delivery from 50 €" }} — line ${i}</p>\n`);
  out.push('{% endblock %}\n');
  return out.join('');
}

export const BASE_TEMPLATE = BASE;
