"""What every request passes through, whichever blueprint answers it: the site's one address,
hostile input refused, security headers, the visitor's cookie, versioned static addresses,
"fragment or page", and the rate limits' storage."""
