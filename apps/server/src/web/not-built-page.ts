/**
 * Served in place of the web app while apps/web/dist does not exist (a fresh checkout, API
 * tests): the server works, and the page says how to get the app, in Persian first.
 */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>پیوند</title>
<style>body{font-family:Vazirmatn,Tahoma,sans-serif;max-width:42rem;margin:4rem auto;padding:0 1rem;line-height:2;color:#1f2937}
a{color:#0f766e}code{direction:ltr;unicode-bidi:embed;background:#f3f4f6;padding:0 .3rem}</style></head>
<body><h1>پیوند — مدیریت ارتباط با مشتری</h1>
<p>سرور پیوند در حال اجراست، اما رابط کاربری وب هنوز ساخته نشده است. آن را با <code>npm run build -w @peyvand/web</code>
بسازید و سرور را دوباره راه بیندازید؛ <code>npm start</code> این کار را خودش انجام می‌دهد.</p>
<p>مستندات API: <a href="/api/docs">/api/docs</a></p>
<div lang="en" dir="ltr"><p>Peyvand is running, but its web app has not been built yet. Build it with
<code>npm run build -w @peyvand/web</code> and restart the server; <code>npm start</code> does both.</p>
<p>API documentation: <a href="/api/docs">/api/docs</a></p></div>
</body></html>`;
