class Ws_Param(object):
    # initialization
    def __init__(self):
        self.tts_vcn = ""
        self.tts_business_args = ""
        self.tts_common_args = ""
        self.tts_text_data = ""
        self.APPID = ""
        self.APIKey = ""
        self.APISecret = ""

    def set_tts_params(self, text, vcn):
        self.tts_vcn = vcn
        self.tts_business_args = {"aue": "raw", "auf": "audio/L16;rate=16000", "vcn": self.tts_vcn, "tte": "utf8"}
        self.tts_text_data = {"status": 2, "text": str(base64.b64encode(text.encode('utf-8')), "UTF8")}
        #The following methods must be used to use small languages.
        #Here, Unicode refers to the coding method of utf16 small end, namely "utf-16le"
        # self.tts_text_data = {"status": 2, "text": str(base64.b64encode(self.Text.encode('utf-16')), "UTF8")}

    def set_params(self, appid, api_seccret, api_key):
        if appid != "":
            self.APPID = appid
            self.tts_common_args = {"app_id": self.APPID}

        if api_key != "":
            self.APIKey = api_key

        if api_seccret != "":
            self.APISecret = api_seccret

    # Generate URL
    def create_url(self):
        url = 'wss://tts-api.xfyun.cn/v2/tts'
        #Generate timestamps in rfc1123 format
        now = datetime.now()
        date = format_date_time(mktime(now.timetuple()))

        #Splicing strings
        signature_origin = "host: " + "ws-api.xfyun.cn" + "\n"
        signature_origin += "date: " + date + "\n"
        signature_origin += "GET " + "/v2/tts " + "HTTP/1.1"
        #Hmac-sha256 is used for encryption
        signature_sha = hmac.new(self.APISecret.encode('utf-8'), signature_origin.encode('utf-8'),
                                 digestmod=hashlib.sha256).digest()
        signature_sha = base64.b64encode(signature_sha).decode(encoding='utf-8')

        authorization_origin = "api_key=\"%s\", algorithm=\"%s\", headers=\"%s\", signature=\"%s\"" % (
            self.APIKey, "hmac-sha256", "host date request-line", signature_sha)
        authorization = base64.b64encode(authorization_origin.encode('utf-8')).decode(encoding='utf-8')
        #Combine the requested authentication parameters into a dictionary
        v = {
            "authorization": authorization,
            "date": date,
            "host": "ws-api.xfyun.cn"
        }
        url = url + '?' + urlencode(v)
        return url


def on_message(ws, message):
    try:
        message = json.loads(message)
        code = message["code"]
        sid = message["sid"]
        audio = message["data"]["audio"]
        audio = base64.b64decode(audio)
        status = message["data"]["status"]
        print(code, sid, status)
        if status == 2:
            print("ws is closed")
            ws.close()
        if code != 0:
            err_msg = message["message"]
            print("sid:%s call error:%s code is:%s" % (sid, err_msg, code))
        else:
            with open(PCM_PATH, 'ab') as f:
                f.write(audio)

    except Exception as e:
        print("receive msg,but parse exception:", e)


#Processing of websocket error received
def on_error(ws, error):
    print("### error:", error)

