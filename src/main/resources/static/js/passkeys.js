// Passkeys (WebAuthn, ADR 0024): sign-in buttons and the form that adds a passkey. Loaded only by
// pages that offer passkeys; without JavaScript (or WebAuthn) they stay hidden and a hint shows.
// The JSON is Spring Security's WebAuthn JSON; URLs come from data attributes.
"use strict";
(() => {
  const base64url = {
    encode(buffer) {
      return window.btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    },
    decode(text) {
      const binary = window.atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
      }
      return bytes.buffer;
    }
  };

  function csrfHeaders() {
    const token = document.querySelector("meta[name=_csrf]");
    const header = document.querySelector("meta[name=_csrf_header]");
    return token && header && token.content ? { [header.content]: token.content } : {};
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", ...csrfHeaders() },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!response.ok) {
      throw new Error("HTTP " + response.status);
    }
    return response.json();
  }

  async function signIn(button) {
    const options = await post(button.dataset.optionsUrl);
    const credential = await navigator.credentials.get({
      publicKey: {
        ...options,
        challenge: base64url.decode(options.challenge),
        allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: base64url.decode(c.id) }))
      }
    });
    const response = credential.response;
    const answer = await post(button.dataset.loginUrl, {
      id: credential.id,
      rawId: base64url.encode(credential.rawId),
      response: {
        authenticatorData: base64url.encode(response.authenticatorData),
        clientDataJSON: base64url.encode(response.clientDataJSON),
        signature: base64url.encode(response.signature),
        userHandle: response.userHandle ? base64url.encode(response.userHandle) : undefined
      },
      credType: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    });
    if (!answer.authenticated || typeof answer.redirectUrl !== "string" || !answer.redirectUrl.startsWith("/")) {
      throw new Error("not signed in");
    }
    window.location.assign(answer.redirectUrl);
  }

  async function register(form) {
    const label = form.querySelector("input[name=label]").value.trim();
    if (!label) {
      throw new Error("label required");
    }
    const options = await post(form.dataset.optionsUrl);
    const credential = await navigator.credentials.create({
      publicKey: {
        ...options,
        user: { ...options.user, id: base64url.decode(options.user.id) },
        challenge: base64url.decode(options.challenge),
        excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: base64url.decode(c.id) }))
      }
    });
    const response = credential.response;
    const answer = await post(form.dataset.registerUrl, {
      publicKey: {
        credential: {
          id: credential.id,
          rawId: base64url.encode(credential.rawId),
          response: {
            attestationObject: base64url.encode(response.attestationObject),
            clientDataJSON: base64url.encode(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : []
          },
          type: credential.type,
          clientExtensionResults: credential.getClientExtensionResults(),
          authenticatorAttachment: credential.authenticatorAttachment
        },
        label
      }
    });
    if (!answer.success) {
      throw new Error("not registered");
    }
    window.location.assign(form.dataset.doneUrl);
  }

  function showError(element) {
    const box = document.getElementById(element.dataset.passkeyError);
    if (box) {
      box.hidden = false;
      box.focus();
    }
  }

  function guarded(element, action) {
    return async (event) => {
      event.preventDefault();
      try {
        await action(element);
      } catch (error) {
        console.warn("passkey", error);
        showError(element);
      }
    };
  }

  if (!window.PublicKeyCredential || !navigator.credentials) {
    return;
  }
  document.querySelectorAll("[data-passkey-only]").forEach((element) => { element.hidden = false; });
  document.querySelectorAll("[data-passkey-fallback]").forEach((element) => { element.hidden = true; });
  document.querySelectorAll("button[data-passkey-login]").forEach((button) => {
    button.addEventListener("click", guarded(button, signIn));
  });
  document.querySelectorAll("form[data-passkey-register]").forEach((form) => {
    form.addEventListener("submit", guarded(form, register));
  });
})();
