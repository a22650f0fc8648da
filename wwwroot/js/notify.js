// Desktop and phone alerts for work that cannot wait (an emergency case on a reporter's list, a critical finding
// escalated for a manager), shown by the operating system when the tab is in the background. Per device: the browser's
// permission, and an off switch kept in this browser. Alerts name the procedure and site, never the patient, because
// a lock screen is not a place for patient identifiers.
window.iwNotify = {
  key: "iw.alerts",

  state: function () {
    if (!("Notification" in window)) return "unsupported";
    if (Notification.permission === "denied") return "denied";
    if (Notification.permission !== "granted") return "ask";
    return localStorage.getItem(this.key) === "off" ? "off" : "on";
  },

  enable: async function () {
    if (!("Notification" in window)) return "unsupported";
    if (Notification.permission !== "granted") {
      await Notification.requestPermission();
    }
    localStorage.removeItem(this.key);
    return this.state();
  },

  disable: function () {
    localStorage.setItem(this.key, "off");
    return this.state();
  },

  show: function (title, body, tag, url) {
    if (this.state() !== "on") return false;
    const alert = new Notification(title, { body: body, tag: tag, renotify: true, requireInteraction: true });
    alert.onclick = function () {
      window.focus();
      if (url) window.location.assign(url);
      alert.close();
    };
    return true;
  }
};
