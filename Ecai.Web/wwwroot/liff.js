// LIFF pages: get the LINE ID token the server verifies. The page never tells the server who the user is.
window.ecaiLiff = {
  // Demo mode: the token comes from the demo friend picker (#sandbox_id_token=...), issued by the LINE sandbox.
  // Production: the LIFF SDK (login inside LINE; the LIFF app needs the openid scope).
  async idToken(liffId, sandbox) {
    if (sandbox) {
      const match = location.hash.match(/sandbox_id_token=([^&]+)/);
      if (match) {
        sessionStorage.setItem("ecai.liff.idToken", decodeURIComponent(match[1]));
        history.replaceState(null, "", location.pathname + location.search);
      }
      return sessionStorage.getItem("ecai.liff.idToken");
    }
    if (!window.liff) {
      await new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = "https://static.line-scdn.net/liff/edge/2/sdk.js";
        script.onload = resolve;
        script.onerror = () => reject(new Error("LIFF SDK could not be loaded"));
        document.head.appendChild(script);
      });
    }
    await liff.init({ liffId });
    if (!liff.isLoggedIn()) {
      liff.login({ redirectUri: location.href });
      return null;
    }
    return liff.getIDToken();
  },
  close() {
    if (window.liff && liff.isInClient()) liff.closeWindow();
  },
};
