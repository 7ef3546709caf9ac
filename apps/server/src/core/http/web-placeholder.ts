/**
 * Served at `/` until the web app lands (its own issue): says what runs here and where the
 * API and its documentation are, in Persian first.
 */
export const WEB_PLACEHOLDER = `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>پیوند</title>
<style>body{font-family:Vazirmatn,Tahoma,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:2;color:#1f2937}
a{color:#0f766e}code{direction:ltr;unicode-bidi:embed}</style></head>
<body><h1>پیوند — مدیریت ارتباط با مشتری</h1>
<p>سرور پیوند در حال اجراست. رابط کاربری وب در نسخه‌های بعدی همین‌جا در دسترس خواهد بود.</p>
<p>مستندات API: <a href="/api/docs">/api/docs</a> — توضیح OpenAPI: <a href="/api/openapi.json"><code>/api/openapi.json</code></a></p>
<p lang="en" dir="ltr">Peyvand is running. The web app will be served here; meanwhile see the <a href="/api/docs">API documentation</a>.</p>
</body></html>`;
